import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { checkText, postingRights, recordGuidelineOverride } from '../governance/index.ts';
import type { PostRow, TargetWithChannel } from './repo.ts';
import { excerpt } from './save-post.ts';
import { textOf } from './validate-post.ts';

type Check = Awaited<ReturnType<typeof checkText>>;

/** The guideline engine on every text a post would send, with the organisation's current policy. */
export async function checkPostTexts(
  ctx: Context,
  orgId: string,
  post: PostRow,
  targets: readonly TargetWithChannel[],
  role?: string,
): Promise<{ target: TargetWithChannel; check: Check }[]> {
  return Promise.all(
    targets.map(async (target) => ({
      target,
      check: await checkText(ctx, orgId, {
        text: textOf(target, post.baseText),
        network: target.channel.network,
        channelOwnership: target.channel.ownership === 'personal' ? 'personal' : 'company',
        departmentId: post.departmentId,
        ...(role ? { role } : {}),
      }),
    })),
  );
}

export interface GuidelineAssessment {
  objections: { target: TargetWithChannel; check: Check }[];
  policyVersion: number;
}

/**
 * Before scheduling: the person must hold posting rights for each kind of channel, and the texts must pass
 * the guidelines — or a person allowed to override gives a written reason. Runs before the scheduling
 * transaction (the embedded database serves one transaction at a time, and the engine reads the policy).
 */
export async function assessGuidelines(
  ctx: Context,
  p: Principal,
  post: PostRow,
  targets: readonly TargetWithChannel[],
  overrideReason: string | undefined,
): Promise<GuidelineAssessment> {
  for (const ownership of new Set(
    targets.map((t) => (t.channel.ownership === 'personal' ? 'personal' : 'company')),
  )) {
    const rights = await postingRights(ctx, p.orgId, p.userId, { channelOwnership: ownership });
    if (!rights.allowed)
      throw new DomainError(
        403,
        'posting_rights_missing',
        { missing: rights.missing.map((m) => m.title).join(', ') },
        { extensions: { missing: rights.missing } },
      );
  }
  const checks = await checkPostTexts(ctx, p.orgId, post, targets, p.role);
  const objections = checks.filter((c) => c.check.blocked || c.check.warned);
  const policyVersion = checks[0]?.check.policyVersion ?? 0;
  if (objections.length > 0 && !overrideReason) {
    const findings = objections.flatMap((o) =>
      o.check.findings.map((f) => ({ ...f, channelId: o.target.channelId, channel: o.target.channel.name })),
    );
    const blocked = objections.some((o) => o.check.blocked);
    throw new DomainError(
      422,
      blocked ? 'guideline_blocked' : 'guideline_warning',
      { count: findings.length },
      {
        extensions: { findings },
      },
    );
  }
  return { objections, policyVersion };
}

/** Inside the scheduling transaction: the reasoned override goes to the audit log and the review queue. */
export async function recordOverride(
  tx: Executor,
  actor: Actor,
  post: PostRow,
  assessment: GuidelineAssessment,
  reason: string,
): Promise<void> {
  await recordGuidelineOverride(tx, actor, {
    subjectType: 'post',
    subjectId: post.id,
    subjectLabel: excerpt(post.baseText),
    text: assessment.objections.map((o) => textOf(o.target, post.baseText)).join('\n\n---\n\n'),
    findings: assessment.objections.flatMap((o) => o.check.findings),
    policyVersion: assessment.policyVersion,
    reason,
  });
}
