// The one place listening reaches language and sentiment detection.
export { analyseText } from '../../text-analysis/index.ts';

/** Below this a match counts as negative in the charts, the filters and the negative-share alert. */
export const NEGATIVE_BELOW = -0.05;
