// Every table of every module, for Drizzle's relational queries and for drizzle-kit.
export * from './audit.ts';
export * from './governance.ts';
export * from './identity.ts';
export * from './sso.ts';
