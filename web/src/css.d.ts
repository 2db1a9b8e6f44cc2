// Stylesheets are bundled by Vite; TypeScript only needs to know the imports are intentional.
declare module '*.css';
