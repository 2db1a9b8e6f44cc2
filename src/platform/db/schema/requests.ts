import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments, organisations, users } from './identity.ts';
import { posts } from './publishing.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const at = (name: string) => timestamp(name, { withTimezone: true });
const orgRef = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

/** The fields of each kind of request, validated at the edge (modules/requests/schema.ts). */
export type RequestFields =
  | { topic: string; keywords: string[]; periodFrom: string | null; periodTo: string | null }
  | { content: string; channelIds: string[]; desiredDate: string | null; link: string | null }
  | { question: string };

/**
 * A request from any colleague to the social team (research, a posting request, a question).
 * status: new → in_progress → waiting (for the requester) → done | declined (with a reason).
 */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgRef(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    fields: jsonb('fields').$type<RequestFields>().notNull(),
    /** A calendar day in the requester's time zone, not an instant. */
    dueDate: date('due_date', { mode: 'string' }),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    priority: text('priority').notNull().default('normal'),
    status: text('status').notNull().default('new'),
    declineReason: text('decline_reason'),
    /** The draft post this request was turned into. */
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'set null' }),
    /** The listening search a research request was turned into; listening lives in its own module. */
    listeningSearchId: uuid('listening_search_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    closedAt: at('closed_at'),
  },
  (t) => [
    index('requests_org_status_idx').on(t.orgId, t.status, t.dueDate),
    index('requests_org_requester_idx').on(t.orgId, t.requesterId, t.createdAt),
    check('requests_type_ck', sql`${t.type} in ('research', 'posting', 'question')`),
    check('requests_priority_ck', sql`${t.priority} in ('low', 'normal', 'high', 'urgent')`),
    check('requests_status_ck', sql`${t.status} in ('new', 'in_progress', 'waiting', 'done', 'declined')`),
  ],
);

/** The thread of a request; internal notes are for the team only, never shown to the requester. */
export const requestMessages = pgTable(
  'request_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgRef(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    internal: boolean('internal').notNull().default(false),
    // The wall clock, not the transaction's start: several entries of one transaction keep their order.
    createdAt: at('created_at').notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index('request_messages_request_idx').on(t.requestId, t.createdAt)],
);

/** Images and PDFs attached to a request; bytes kept in the database like a post's media. */
export const requestAttachments = pgTable(
  'request_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgRef(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    data: bytea('data').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('request_attachments_request_idx').on(t.requestId)],
);

/** Every change of a request: who, when, what (the requester sees it, except what concerns internal notes). */
export const requestEvents = pgTable(
  'request_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgRef(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorLabel: text('actor_label').notNull(),
    kind: text('kind').notNull(),
    detail: jsonb('detail').$type<Record<string, string | null>>().notNull().default({}),
    createdAt: at('created_at').notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.createdAt)],
);
