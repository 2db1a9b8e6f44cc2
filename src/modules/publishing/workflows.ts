import { and, eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { departments } from '../../platform/db/schema/identity.ts';
import { approvalWorkflows, campaigns, type WorkflowStep } from '../../platform/db/schema/publishing.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError, notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';

export interface WorkflowInput {
  name: string;
  departmentId: string | null;
  channelId: string | null;
  steps: WorkflowStep[];
  ordered: boolean;
  allowSelfApproval: boolean;
}

async function assertScope(tx: Executor, orgId: string, input: WorkflowInput): Promise<void> {
  if (input.departmentId) {
    const [d] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, orgId), eq(departments.id, input.departmentId)));
    if (!d)
      throw new DomainError(
        422,
        'department_not_found',
        {},
        { fieldErrors: [{ path: 'departmentId', message: 'unknown' }] },
      );
  }
  if (input.channelId) {
    const [c] = await tx
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.orgId, orgId), eq(channels.id, input.channelId)));
    if (!c)
      throw new DomainError(
        422,
        'channel_not_found',
        {},
        { fieldErrors: [{ path: 'channelId', message: 'unknown' }] },
      );
  }
}

/** Postgres reports the scope's unique index; people are told which scope already has a workflow. */
function isScopeClash(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const c = e.cause ?? e;
  return c.code === '23505' && (c.constraint ?? '').includes('approval_workflows_scope');
}

export async function listWorkflows(ctx: Context, orgId: string) {
  const rows = await ctx.db
    .select({ w: approvalWorkflows, deptName: departments.name, channelName: channels.name })
    .from(approvalWorkflows)
    .leftJoin(departments, eq(departments.id, approvalWorkflows.departmentId))
    .leftJoin(channels, eq(channels.id, approvalWorkflows.channelId))
    .where(eq(approvalWorkflows.orgId, orgId))
    .orderBy(approvalWorkflows.name);
  return rows.map(({ w, deptName, channelName }) => ({
    id: w.id,
    name: w.name,
    department: w.departmentId ? { id: w.departmentId, name: deptName ?? '' } : null,
    channel: w.channelId ? { id: w.channelId, name: channelName ?? '' } : null,
    steps: w.steps,
    ordered: w.ordered,
    allowSelfApproval: w.allowSelfApproval,
  }));
}

export async function createWorkflow(ctx: Context, actor: Actor, input: WorkflowInput) {
  try {
    return await ctx.db.transaction(async (tx) => {
      await assertScope(tx, actor.orgId, input);
      const [row] = await tx
        .insert(approvalWorkflows)
        .values({ orgId: actor.orgId, ...input })
        .returning();
      await recordAudit(tx, actor, {
        action: 'workflow.created',
        targetType: 'workflow',
        targetId: row!.id,
        targetLabel: row!.name,
        summary: { after: input },
      });
      return row!;
    });
  } catch (err) {
    if (isScopeClash(err)) throw new DomainError(409, 'workflow_scope_taken');
    throw err;
  }
}

export async function updateWorkflow(ctx: Context, actor: Actor, id: string, input: WorkflowInput) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(approvalWorkflows)
        .where(and(eq(approvalWorkflows.orgId, actor.orgId), eq(approvalWorkflows.id, id)));
      if (!before) throw notFound('workflow_not_found');
      await assertScope(tx, actor.orgId, input);
      const [row] = await tx
        .update(approvalWorkflows)
        .set({ ...input, updatedAt: new Date() })
        .where(and(eq(approvalWorkflows.orgId, actor.orgId), eq(approvalWorkflows.id, id)))
        .returning();
      await recordAudit(tx, actor, {
        action: 'workflow.updated',
        targetType: 'workflow',
        targetId: id,
        targetLabel: row!.name,
        summary: {
          before: {
            name: before.name,
            departmentId: before.departmentId,
            channelId: before.channelId,
            steps: before.steps,
            ordered: before.ordered,
            allowSelfApproval: before.allowSelfApproval,
          },
          after: input,
        },
      });
      return row!;
    });
  } catch (err) {
    if (isScopeClash(err)) throw new DomainError(409, 'workflow_scope_taken');
    throw err;
  }
}

export async function deleteWorkflow(ctx: Context, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(approvalWorkflows)
      .where(and(eq(approvalWorkflows.orgId, actor.orgId), eq(approvalWorkflows.id, id)))
      .returning();
    if (!row) throw notFound('workflow_not_found');
    await recordAudit(tx, actor, {
      action: 'workflow.deleted',
      targetType: 'workflow',
      targetId: id,
      targetLabel: row.name,
      summary: { before: { steps: row.steps } },
    });
  });
}

export async function listCampaigns(ctx: Context, orgId: string) {
  const rows = await ctx.db
    .select({ c: campaigns, deptName: departments.name })
    .from(campaigns)
    .leftJoin(departments, eq(departments.id, campaigns.departmentId))
    .where(eq(campaigns.orgId, orgId))
    .orderBy(campaigns.name);
  return rows.map(({ c, deptName }) => ({
    id: c.id,
    name: c.name,
    department: c.departmentId ? { id: c.departmentId, name: deptName ?? '' } : null,
    archived: c.archivedAt !== null,
  }));
}

export async function saveCampaign(
  ctx: Context,
  actor: Actor,
  id: string | null,
  input: { name: string; departmentId: string | null; archived?: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    if (input.departmentId) {
      const [d] = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.orgId, actor.orgId), eq(departments.id, input.departmentId)));
      if (!d)
        throw new DomainError(
          422,
          'department_not_found',
          {},
          { fieldErrors: [{ path: 'departmentId', message: 'unknown' }] },
        );
    }
    const [clash] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.orgId, actor.orgId), eq(campaigns.name, input.name)));
    if (clash && clash.id !== id) throw new DomainError(409, 'campaign_exists', { name: input.name });
    const values = {
      name: input.name,
      departmentId: input.departmentId,
      ...(input.archived !== undefined ? { archivedAt: input.archived ? new Date() : null } : {}),
    };
    const [row] = id
      ? await tx
          .update(campaigns)
          .set(values)
          .where(and(eq(campaigns.orgId, actor.orgId), eq(campaigns.id, id)))
          .returning()
      : await tx
          .insert(campaigns)
          .values({ orgId: actor.orgId, ...values })
          .returning();
    if (!row) throw notFound('campaign_not_found');
    await recordAudit(tx, actor, {
      action: id ? 'campaign.updated' : 'campaign.created',
      targetType: 'campaign',
      targetId: row.id,
      targetLabel: row.name,
      summary: { after: input },
    });
    return row;
  });
}
