import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './identity.ts';

/** Single sign-on with the organisation's OpenID Connect provider: at most one per organisation. */
export const ssoConfigs = pgTable(
  'sso_configs',
  {
    orgId: uuid('org_id')
      .notNull()
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** Sealed with the secret box under the context `oidc:<orgId>`; never returned by the API. */
    clientSecretSealed: text('client_secret_sealed').notNull(),
    enabled: boolean('enabled').notNull().default(false),
    /** Unknown people of the domains get an account on first sign-in; otherwise they must be invited. */
    autoProvision: boolean('auto_provision').notNull().default(false),
    defaultRole: text('default_role').notNull().default('contributor'),
    /** Members of the organisation in these domains may still sign in with a password. */
    allowPassword: boolean('allow_password').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Provisioned people never start as owner or admin, whatever reaches the table.
  (t) => [check('sso_configs_default_role_ck', sql`${t.defaultRole} not in ('owner', 'admin')`)],
);

/**
 * The e-mail domains an organisation's SSO covers. A domain belongs to one organisation at most (the
 * primary key): sign-in starts from an e-mail address and must find exactly one provider for it.
 */
export const ssoDomains = pgTable(
  'sso_domains',
  {
    /** Lower case, no leading "@". */
    domain: text('domain').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => ssoConfigs.orgId, { onDelete: 'cascade' }),
  },
  (t) => [index('sso_domains_org_idx').on(t.orgId)],
);
