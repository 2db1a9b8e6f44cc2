import { and, eq, sql } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { departments } from '../../platform/db/schema/identity.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ACCESS_CHANGED } from './authenticator.ts';
import { findDepartment } from './repo.ts';

/**
 * For forms that name a department (a post, a request): it must be one of the organisation's, or the field
 * gets the error.
 */
export async function assertDepartmentOf(tx: Executor, orgId: string, departmentId: string): Promise<void> {
  const [d] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.orgId, orgId), eq(departments.id, departmentId)));
  if (!d)
    throw new DomainError(
      422,
      'department_not_found',
      {},
      { fieldErrors: [{ path: 'departmentId', message: 'unknown' }] },
    );
}

async function assertNameFree(tx: Executor, orgId: string, name: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.orgId, orgId), sql`lower(${departments.name}) = ${name.trim().toLowerCase()}`));
  if (clash && clash.id !== exceptId) {
    throw new DomainError(
      409,
      'department_exists',
      { name },
      { fieldErrors: [{ path: 'name', message: 'taken' }] },
    );
  }
}

export async function createDepartment(
  ctx: Context,
  actor: Actor,
  input: { name: string; description: string },
) {
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, actor.orgId, input.name);
    const [row] = await tx
      .insert(departments)
      .values({ orgId: actor.orgId, name: input.name.trim(), description: input.description.trim() })
      .returning();
    await recordAudit(tx, actor, {
      action: 'department.created',
      targetType: 'department',
      targetId: row!.id,
      targetLabel: row!.name,
      summary: { after: { name: row!.name, description: row!.description } },
    });
    return row!;
  });
}

export async function updateDepartment(
  ctx: Context,
  actor: Actor,
  id: string,
  change: { name?: string; description?: string },
) {
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await findDepartment(tx, actor.orgId, id);
    if (!before) throw new DomainError(404, 'department_not_found');
    if (change.name) await assertNameFree(tx, actor.orgId, change.name, id);
    const [row] = await tx
      .update(departments)
      .set({
        ...(change.name ? { name: change.name.trim() } : {}),
        ...(change.description !== undefined ? { description: change.description.trim() } : {}),
      })
      .where(and(eq(departments.orgId, actor.orgId), eq(departments.id, id)))
      .returning();
    await recordAudit(tx, actor, {
      action: 'department.updated',
      targetType: 'department',
      targetId: id,
      targetLabel: row!.name,
      summary: {
        before: { name: before.name, description: before.description },
        after: { name: row!.name, description: row!.description },
      },
    });
    return row!;
  });
  // Signed-in members carry the department name; let them see the new one at once.
  await ctx.events.publish({ type: ACCESS_CHANGED, orgId: actor.orgId, payload: {} });
  return updated;
}

/** Members of a removed department keep their accounts and simply have no department. */
export async function deleteDepartment(ctx: Context, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findDepartment(tx, actor.orgId, id);
    if (!before) throw new DomainError(404, 'department_not_found');
    const [{ n }] = (
      await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from memberships where department_id = ${id}`,
      )
    ).rows as [{ n: number }];
    await tx.delete(departments).where(and(eq(departments.orgId, actor.orgId), eq(departments.id, id)));
    await recordAudit(tx, actor, {
      action: 'department.deleted',
      targetType: 'department',
      targetId: id,
      targetLabel: before.name,
      summary: {
        before: { name: before.name, description: before.description },
        membersWithoutDepartment: n,
      },
    });
  });
  await ctx.events.publish({ type: ACCESS_CHANGED, orgId: actor.orgId, payload: {} });
}
