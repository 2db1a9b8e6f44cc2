// Every table of every module, for Drizzle's relational queries and for drizzle-kit.
export * from './audit.ts';
export * from './channels.ts';
export * from './governance.ts';
export * from './identity.ts';
export * from './integrations.ts';
export * from './listening.ts';
export * from './notifications.ts';
export * from './publishing.ts';
export * from './requests.ts';
export * from './sandbox.ts';
export * from './sso.ts';
