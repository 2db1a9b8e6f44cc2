import { Stack, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckContext } from '../../../api/governance-types.ts';
import { useGuidelineCheck } from '../../../api/guidelines.ts';
import { GuidelineFindings } from '../../../components/guideline-findings.tsx';

/** One text going to channels of one kind: the guideline engine checks it once for all of them. */
export interface CheckGroup {
  key: string;
  text: string;
  context: CheckContext;
  channels: string[];
}

export interface GroupVerdict {
  blocked: boolean;
  warned: boolean;
  checking: boolean;
}

function GroupCheck({
  group,
  onVerdict,
}: {
  group: CheckGroup;
  onVerdict: (key: string, verdict: GroupVerdict) => void;
}) {
  const { t } = useTranslation();
  const check = useGuidelineCheck(group.text, group.context);
  const blocked = check.result?.blocked ?? false;
  const warned = check.result?.warned ?? false;
  useEffect(() => {
    onVerdict(group.key, { blocked, warned, checking: check.checking });
  }, [group.key, blocked, warned, check.checking, onVerdict]);
  return (
    <Stack
      gap="xs"
      component="section"
      aria-label={t('composer.guidelines.for', { channels: group.channels.join(', ') })}
    >
      <Title order={3} size="h5">
        {t('composer.guidelines.for', { channels: group.channels.join(', ') })}
      </Title>
      <GuidelineFindings
        text={check.checkedText}
        result={check.result}
        checking={check.checking}
        error={check.error}
      />
    </Stack>
  );
}

/**
 * Live guideline findings for every distinct text the post would send, each in the context it goes out
 * in (network, company or personal channel, department), as the server will check it when scheduling.
 */
export function ComposerGuidelines({
  groups,
  onVerdict,
}: {
  groups: CheckGroup[];
  onVerdict: (key: string, verdict: GroupVerdict) => void;
}) {
  return (
    <Stack gap="md">
      {groups.map((g) => (
        <GroupCheck key={g.key} group={g} onVerdict={onVerdict} />
      ))}
    </Stack>
  );
}
