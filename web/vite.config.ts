import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server listens on 3000 by default; the dev server forwards everything that is not the app to it,
// so the browser sees one origin and the session and CSRF cookies work as in production.
const server = 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app; separate chunks stay cached across app releases.
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, priority: 2 },
            // react-markdown and the unified/micromark parsers behind it: only the governance pages need them.
            {
              name: 'markdown',
              test: /node_modules[\\/](react-markdown|remark-|rehype-|micromark|mdast-|hast-|unist-|unified|vfile|devlop|bail|trough|decode-named-character-reference|character-entities|property-information|space-separated-tokens|comma-separated-tokens|html-url-attributes|estree-util|zwitch|longest-streak|ccount|trim-lines|is-plain-obj|style-to-js|style-to-object|inline-style-parser)/,
              priority: 2,
            },
            // FullCalendar and the Temporal polyfill it needs: only the calendar uses them.
            {
              name: 'calendar',
              test: /node_modules[\\/](@fullcalendar|@full-ui|temporal-polyfill)[\\/]/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/readyz': server,
      '/metrics': server,
    },
  },
});
