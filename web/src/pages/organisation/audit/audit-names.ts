import type { TFunction } from 'i18next';

/** The actions this UI can name; the log may hold others (newer servers), which keep their code. */
const ACTION_KEYS = {
  'auth.signed_in': 'audit.actionNames.authSignedIn',
  'auth.signed_out': 'audit.actionNames.authSignedOut',
  'auth.signed_out_everywhere': 'audit.actionNames.authSignedOutEverywhere',
  'auth.sign_in_failed': 'audit.actionNames.authSignInFailed',
  'auth.locked_out': 'audit.actionNames.authLockedOut',
  'user.invited': 'audit.actionNames.userInvited',
  'user.invitation_renewed': 'audit.actionNames.userInvitationRenewed',
  'user.invitation_accepted': 'audit.actionNames.userInvitationAccepted',
  'user.created': 'audit.actionNames.userCreated',
  'user.updated': 'audit.actionNames.userUpdated',
  'user.deactivated': 'audit.actionNames.userDeactivated',
  'user.reactivated': 'audit.actionNames.userReactivated',
  'user.provisioned': 'audit.actionNames.userProvisioned',
  'profile.updated': 'audit.actionNames.profileUpdated',
  'profile.password_changed': 'audit.actionNames.profilePasswordChanged',
  'api_token.created': 'audit.actionNames.apiTokenCreated',
  'api_token.revoked': 'audit.actionNames.apiTokenRevoked',
  'department.created': 'audit.actionNames.departmentCreated',
  'department.updated': 'audit.actionNames.departmentUpdated',
  'department.deleted': 'audit.actionNames.departmentDeleted',
  'organisation.created': 'audit.actionNames.organisationCreated',
  'organisation.updated': 'audit.actionNames.organisationUpdated',
  'sso.updated': 'audit.actionNames.ssoUpdated',
  'sso.deleted': 'audit.actionNames.ssoDeleted',
  'audit.exported': 'audit.actionNames.auditExported',
  'guideline_policy.saved': 'audit.actionNames.guidelinePolicySaved',
  'guideline.published': 'audit.actionNames.guidelinePublished',
  'guideline.acknowledged': 'audit.actionNames.guidelineAcknowledged',
  'guideline.overridden': 'audit.actionNames.guidelineOverridden',
  'guideline.flagged': 'audit.actionNames.guidelineFlagged',
  'guideline_review.completed': 'audit.actionNames.guidelineReviewCompleted',
  'guideline_compliance.exported': 'audit.actionNames.guidelineComplianceExported',
  'training.created': 'audit.actionNames.trainingCreated',
  'training.updated': 'audit.actionNames.trainingUpdated',
  'training.archived': 'audit.actionNames.trainingArchived',
  'training.restored': 'audit.actionNames.trainingRestored',
  'training.passed': 'audit.actionNames.trainingPassed',
  'training.failed': 'audit.actionNames.trainingFailed',
  'readiness.assessed': 'audit.actionNames.readinessAssessed',
} as const;

const TARGET_TYPE_KEYS = {
  user: 'audit.targetTypes.user',
  department: 'audit.targetTypes.department',
  organisation: 'audit.targetTypes.organisation',
  api_token: 'audit.targetTypes.apiToken',
  audit_log: 'audit.targetTypes.auditLog',
  guideline_policy: 'audit.targetTypes.guidelinePolicy',
  guideline: 'audit.targetTypes.guideline',
  guideline_review_item: 'audit.targetTypes.guidelineReviewItem',
  guideline_compliance: 'audit.targetTypes.guidelineCompliance',
  training: 'audit.targetTypes.training',
  readiness_assessment: 'audit.targetTypes.readinessAssessment',
} as const;

type KnownAction = keyof typeof ACTION_KEYS;
type KnownTargetType = keyof typeof TARGET_TYPE_KEYS;
export const isKnownAction = (action: string): action is KnownAction => Object.hasOwn(ACTION_KEYS, action);
const isKnownTargetType = (type: string): type is KnownTargetType => Object.hasOwn(TARGET_TYPE_KEYS, type);

/** "Benutzer eingeladen" for user.invited; an action this UI does not know is shown by its code. */
export function auditActionLabel(t: TFunction, action: string): string {
  return isKnownAction(action) ? t(ACTION_KEYS[action]) : action;
}

/** "Abteilung" for department; an unknown type is shown by its code. */
export function auditTargetTypeLabel(t: TFunction, targetType: string): string {
  return isKnownTargetType(targetType) ? t(TARGET_TYPE_KEYS[targetType]) : targetType;
}
