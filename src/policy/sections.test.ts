import { describe, expect, it } from 'vitest';
import { GUIDELINE_SECTIONS, RULE_DEFAULTS } from './sections.ts';

describe('guideline sections', () => {
  it('gives every rule a section that exists, and explanations in both languages', () => {
    const ids = new Set(GUIDELINE_SECTIONS.map((s) => s.id));
    for (const d of Object.values(RULE_DEFAULTS)) {
      expect(ids.has(d.section), d.rule).toBe(true);
      expect(d.explanation.de.length, d.rule).toBeGreaterThan(20);
      expect(d.explanation.en.length, d.rule).toBeGreaterThan(20);
    }
  });

  it('has a default for every built-in detector and every term category', () => {
    for (const r of [
      'detector.iban',
      'detector.card',
      'detector.tax_id',
      'detector.email',
      'detector.phone',
    ]) {
      expect(RULE_DEFAULTS[r]).toBeDefined();
    }
    for (const c of ['code-name', 'customer', 'banned', 'risky', 'competitor', 'other']) {
      expect(RULE_DEFAULTS[`terms.${c}`]).toBeDefined();
    }
  });
});
