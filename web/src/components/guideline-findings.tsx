import {
  Alert,
  Anchor,
  Badge,
  Box,
  Group,
  List,
  Loader,
  Mark,
  Paper,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  GuidelineCheckResult,
  GuidelineFinding,
  GuidelineHighlight,
  Severity,
} from '../api/governance-types.ts';

export const SEVERITY_COLORS: Record<Severity, string> = { block: 'red', warn: 'yellow', info: 'blue' };
const RANK: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

/** The guideline page, scrolled to the section a finding comes from (its headings carry these ids). */
export const sectionPath = (section: string) => `/governance/guidelines#${encodeURIComponent(section)}`;

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant="light">
      {t(`guidelineCheck.severity.${severity}`)}
    </Badge>
  );
}

/**
 * The text with its findings marked. Offsets are UTF-16, as JavaScript strings count, so slicing the same
 * text the server checked lines them up exactly; a highlight past the end (a stale answer) is clipped.
 */
export function HighlightedText({
  text,
  highlights,
  findings,
}: {
  text: string;
  highlights: GuidelineHighlight[];
  findings: GuidelineFinding[];
}) {
  const { t } = useTranslation();
  const parts: ReactNode[] = [];
  let at = 0;
  for (const h of highlights) {
    const start = Math.min(Math.max(h.start, at), text.length);
    const end = Math.min(h.end, text.length);
    if (end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    const labels = h.findings.map((i) => findings[i]?.label).filter(Boolean);
    parts.push(
      <Mark key={start} color={SEVERITY_COLORS[h.severity]} data-severity={h.severity}>
        {text.slice(start, end)}
        <VisuallyHidden>
          {` (${labels.join(', ')}: ${t(`guidelineCheck.severity.${h.severity}`)})`}
        </VisuallyHidden>
      </Mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <Paper
      withBorder
      p="sm"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      data-testid="highlighted-text"
    >
      {parts}
    </Paper>
  );
}

/** Each finding: how serious, what was found, why it matters, and the guideline section it comes from. */
export function FindingList({ findings }: { findings: GuidelineFinding[] }) {
  const { t } = useTranslation();
  const sorted = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start);
  return (
    <List listStyleType="none" spacing="sm" p={0} aria-label={t('guidelineCheck.findings')}>
      {sorted.map((f) => (
        <List.Item key={`${f.rule}-${f.start}-${f.end}`}>
          <Stack gap={2}>
            <Group gap="xs" wrap="wrap">
              <SeverityBadge severity={f.severity} />
              <Text fw={600}>{f.label}</Text>
              {f.end > f.start && (
                <Text component="q" ff="monospace" size="sm">
                  {f.text}
                </Text>
              )}
            </Group>
            <Text size="sm">{f.explanation}</Text>
            <Text size="sm" c="dimmed">
              {t('guidelineCheck.section')}{' '}
              <Anchor component={Link} to={sectionPath(f.section)}>
                {f.sectionTitle}
              </Anchor>
            </Text>
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}

interface GuidelineFindingsProps {
  /** The text the result belongs to (useGuidelineCheck's checkedText). */
  text: string;
  result: GuidelineCheckResult | undefined;
  checking?: boolean;
  error?: Error | null;
}

/**
 * What the guideline check found in a text: a summary, the text with its findings marked, and the list of
 * findings. The composer and the rules editor's "try a text" both show it.
 */
export function GuidelineFindings({ text, result, checking = false, error = null }: GuidelineFindingsProps) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Alert color="red" title={t('guidelineCheck.failed')} role="alert">
        {error.message}
      </Alert>
    );
  }
  if (!result) {
    return checking ? <Loader size="sm" aria-label={t('guidelineCheck.checking')} /> : null;
  }
  const color = result.blocked ? 'red' : result.warned ? 'yellow' : result.findings.length ? 'blue' : 'green';
  return (
    <Stack gap="sm" aria-live="polite" aria-busy={checking}>
      <Alert color={color} title={result.summary}>
        <Group gap="xs">
          <Text size="sm">{t('guidelineCheck.policyVersion', { version: result.policyVersion })}</Text>
          {checking && <Loader size="xs" aria-label={t('guidelineCheck.checking')} />}
        </Group>
      </Alert>
      {result.highlights.length > 0 && (
        <Box>
          <HighlightedText text={text} highlights={result.highlights} findings={result.findings} />
        </Box>
      )}
      {result.findings.length > 0 && <FindingList findings={result.findings} />}
    </Stack>
  );
}
