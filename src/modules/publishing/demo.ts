import { randomUUID } from 'node:crypto';
import { createSandboxNetwork, sandboxPublicUrl } from '../../connectors/sandbox/network.ts';
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { channelMembers, channels, type PlanSlot } from '../../platform/db/schema/channels.ts';
import { approvalWorkflows, campaigns } from '../../platform/db/schema/publishing.ts';
import { sealContext } from '../channels/open-channel.ts';

const WEEKDAYS_AT = (...times: string[]): PlanSlot[] =>
  [1, 2, 3, 4, 5].flatMap((weekday) => times.map((time) => ({ weekday, time })));

/**
 * The demo organisation's publishing setup: two company channels and a personal one on the sandbox network
 * (so a new user can publish at once), a posting plan, campaigns, and the approval workflow every company
 * post goes through. Runs inside the demo seed's transaction.
 */
export async function seedDemoPublishing(
  ctx: Context,
  tx: Executor,
  org: { id: string },
  people: { managerId: string; editorId: string; contributorId: string },
  departments: Map<string, string>,
): Promise<void> {
  const sandbox = createSandboxNetwork(tx, { publicUrl: sandboxPublicUrl(ctx.config.baseUrl) });
  const company = [
    { handle: 'beispiel', name: 'Beispiel GmbH', plan: WEEKDAYS_AT('09:00', '12:30', '16:00') },
    { handle: 'beispiel_karriere', name: 'Beispiel Karriere', plan: WEEKDAYS_AT('10:00') },
  ];
  for (const c of company) {
    const { account, token } = await sandbox.createAccount(org.id, { handle: c.handle, displayName: c.name });
    const id = randomUUID();
    await tx.insert(channels).values({
      id,
      orgId: org.id,
      network: 'sandbox',
      name: c.name,
      ownership: 'company',
      accountId: account.id,
      accountHandle: account.handle,
      accountUrl: sandbox.api.accountUrl(account.handle),
      credentialsSealed: ctx.secrets.seal(
        JSON.stringify({ serviceUrl: '', identifier: token, secret: '' }),
        sealContext(id),
      ),
      plan: c.plan,
      planTimeZone: 'Europe/Berlin',
    });
    await tx.insert(channelMembers).values([
      { orgId: org.id, channelId: id, userId: people.managerId },
      { orgId: org.id, channelId: id, userId: people.editorId },
    ]);
  }
  const { account, token } = await sandbox.createAccount(org.id, {
    handle: 'clara_k',
    displayName: 'Clara Kollegin',
  });
  const personalId = randomUUID();
  await tx.insert(channels).values({
    id: personalId,
    orgId: org.id,
    network: 'sandbox',
    name: 'Clara Kollegin (privat)',
    ownership: 'personal',
    ownerUserId: people.contributorId,
    accountId: account.id,
    accountHandle: account.handle,
    accountUrl: sandbox.api.accountUrl(account.handle),
    credentialsSealed: ctx.secrets.seal(
      JSON.stringify({ serviceUrl: '', identifier: token, secret: '' }),
      sealContext(personalId),
    ),
  });
  await tx.insert(approvalWorkflows).values({
    orgId: org.id,
    name: 'Freigabe durch Social Media / Approval by social media',
    steps: [{ roles: ['manager', 'admin', 'owner'], count: 1 }],
    ordered: true,
    allowSelfApproval: false,
  });
  await tx.insert(campaigns).values([
    { orgId: org.id, name: 'Employer Branding 2027', departmentId: departments.get('Personal (HR)') ?? null },
    { orgId: org.id, name: 'Produktlaunch Herbst', departmentId: departments.get('Marketing') ?? null },
  ]);
}
