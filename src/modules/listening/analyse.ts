// The one place listening reaches language and sentiment detection (switch to src/text-analysis on merge).
export { analyseText } from './text-analysis-stand-in.ts';

/** Below this a match counts as negative in the charts and the negative-share alert. */
export const NEGATIVE_BELOW = -0.05;
