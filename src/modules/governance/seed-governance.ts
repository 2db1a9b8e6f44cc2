// The demo organisation's governance: rules, the template guideline as version 1, two training modules, and
// a little history (some people have acknowledged and passed, others not yet) so every page has something
// to show. Runs inside the demo seed's transaction.
import type { Executor } from '../../platform/db/client.ts';
import { guidelineAcknowledgements, trainingCompletions } from '../../platform/db/schema/governance.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DEMO_TRAININGS, rightAnswers } from './demo-training.ts';
import { publishGuideline } from './guideline-documents.ts';
import { savePolicy } from './policy-store.ts';
import { TEMPLATE_BODY_DE, TEMPLATE_TITLE_DE } from './template-guideline-de.ts';
import { TEMPLATE_BODY_EN, TEMPLATE_TITLE_EN } from './template-guideline-en.ts';
import { demoPolicy } from './template-policy.ts';
import { createTraining } from './training.ts';

export interface GovernanceSeed {
  orgId: string;
  hrDepartmentId: string;
  /** Demo people who have acknowledged the guideline and passed both modules. */
  compliant: string[];
  /** Demo people who passed the modules but have not acknowledged the guideline yet. */
  trainedOnly: string[];
}

export async function seedGovernance(tx: Executor, seed: GovernanceSeed): Promise<void> {
  const actor: Actor = { orgId: seed.orgId, userId: null, label: 'Chorus demo', via: 'system' };
  await savePolicy(tx, actor, { policy: demoPolicy(seed.hrDepartmentId), note: 'Startregeln' }, 'de');
  const guideline = await publishGuideline(tx, actor, {
    title: { de: TEMPLATE_TITLE_DE, en: TEMPLATE_TITLE_EN },
    body: { de: TEMPLATE_BODY_DE, en: TEMPLATE_BODY_EN },
    note: 'Erste Fassung nach der Vorlage',
  });
  const modules = [];
  for (const t of DEMO_TRAININGS) modules.push(await createTraining(tx, actor, t, 'de'));
  for (const userId of [...seed.compliant, ...seed.trainedOnly]) {
    for (const m of modules) {
      await tx.insert(trainingCompletions).values({
        orgId: seed.orgId,
        userId,
        moduleId: m.id,
        revision: m.revision,
        score: 100,
        passed: true,
        answers: rightAnswers(m.questions),
      });
    }
  }
  for (const userId of seed.compliant) {
    await tx
      .insert(guidelineAcknowledgements)
      .values({ orgId: seed.orgId, userId, documentId: guideline.id, version: guideline.version });
  }
}
