import { getSupportedRegionCodes } from 'awesome-phonenumber';
import { z } from 'zod';
import { ROLES } from './roles.ts';

// The DTOs of the identity API, shared with the web client through the OpenAPI description.
export const roleSchema = z.enum(ROLES);
export const localeSchema = z.enum(['de', 'en']);
export const emailSchema = z.email().max(254);
export const passwordSchema = z.string().min(10).max(200);
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', {
    message: 'unknown time zone',
  });
// The organisation's region is where phone numbers without a country code are read (guideline engine).
const PHONE_REGIONS = new Set(getSupportedRegionCodes());

export const idParams = z.strictObject({ id: z.uuid() });

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    locale: localeSchema,
    timeZone: z.string(),
  }),
  organisation: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  role: z.string(),
  department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  permissions: z.array(z.string()),
});

export const signInBody = z.strictObject({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const memberSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  status: z.enum(['invited', 'active', 'deactivated']),
  createdAt: z.iso.datetime(),
});

export const listUsersQuery = z.strictObject({
  q: z.string().max(100).optional(),
  status: z.enum(['invited', 'active', 'deactivated']).optional(),
});

export const inviteBody = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  departmentId: z.uuid().nullable().default(null),
  locale: localeSchema.optional(),
});

export const updateUserBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    role: roleSchema.optional(),
    departmentId: z.uuid().nullable().optional(),
    status: z.enum(['active', 'deactivated']).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const departmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  memberCount: z.number().int(),
});

export const createDepartmentBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  description: z.string().max(500).default(''),
});
export const updateDepartmentBody = z
  .strictObject({
    name: z.string().trim().min(1).max(80).optional(),
    description: z.string().max(500).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const updateMeBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    locale: localeSchema.optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.string().max(64)).max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(90),
});

export const invitationParams = z.strictObject({ token: z.string().min(20).max(100) });
export const acceptInvitationBody = z.strictObject({ password: passwordSchema });

export const organisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  defaultLocale: localeSchema,
  defaultTimeZone: z.string(),
  region: z.string(),
});
export const updateOrganisationBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    defaultLocale: localeSchema.optional(),
    defaultTimeZone: timeZoneSchema.optional(),
    region: z
      .string()
      .transform((r) => r.toUpperCase())
      .refine((r) => PHONE_REGIONS.has(r), { message: 'unknown region' })
      .optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

// Single sign-on ------------------------------------------------------------------------------------

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)+${LABEL}$`);
/** Provisioned people never start as owner or admin: those roles are granted by a person. */
export const ssoRoleSchema = roleSchema.exclude(['owner', 'admin']);

export const ssoSettingsSchema = z.object({
  issuer: z.string(),
  clientId: z.string(),
  /** Whether a client secret is stored; the secret itself never leaves the server. */
  clientSecretSet: z.boolean(),
  enabled: z.boolean(),
  domains: z.array(z.string()),
  autoProvision: z.boolean(),
  defaultRole: z.string(),
  allowPassword: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export const ssoSchema = z.object({
  /** The redirect URI to register at the provider. */
  callbackUrl: z.string(),
  settings: ssoSettingsSchema.nullable(),
});
export const updateSsoBody = z.strictObject({
  issuer: z.string().trim().min(1).max(500),
  clientId: z.string().trim().min(1).max(255),
  /** Leave out to keep the stored secret; required the first time. */
  clientSecret: z.string().min(1).max(2000).optional(),
  enabled: z.boolean(),
  domains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .transform((d) => d.replace(/^@/, ''))
        .pipe(z.string().regex(DOMAIN, { message: 'not a domain name' })),
    )
    .min(1)
    .max(50),
  autoProvision: z.boolean().default(false),
  defaultRole: ssoRoleSchema.default('contributor'),
  allowPassword: z.boolean().default(true),
});
/** A page of the web app to return to after signing in; only local paths, never another site. */
export const localPathSchema = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/, { message: 'a path on this site, starting with /' });
export const ssoStartBody = z.strictObject({ email: emailSchema, next: localPathSchema.optional() });
export const ssoStartResponse = z.object({ redirectUrl: z.string() });
export const ssoCallbackQuery = z.looseObject({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
