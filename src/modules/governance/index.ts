// What other modules use of governance (the publishing module checks, overrides and asks for posting rights).
// Keep these signatures stable: they are the module's contract.
export type { Finding } from '../../policy/index.ts';
export {
  type CheckInput,
  type CheckResult,
  checkText,
  MAX_CHECK_CHARS,
  textChecker,
} from './check-text.ts';
export {
  type ChannelOwnership,
  type MissingRight,
  type PostingRights,
  postingRights,
} from './posting-rights.ts';
export { flagForReview, type ReviewSubject, recordGuidelineOverride } from './review-queue.ts';
