import { Alert, Select, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOwnership } from '../../api/governance-types.ts';
import { useGuidelineCheck } from '../../api/guidelines.ts';
import { GuidelineFindings } from '../../components/guideline-findings.tsx';

const NETWORKS = [
  'mastodon',
  'bluesky',
  'linkedin',
  'xing',
  'x',
  'facebook',
  'instagram',
  'threads',
  'pinterest',
];

/** "Try a text": checks what is typed against the rules in the editor, saved or not. */
export function PolicyTryBox({ draft }: { draft: { key: string; policy: unknown } | null }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [ownership, setOwnership] = useState<ChannelOwnership>('company');
  const [network, setNetwork] = useState<string | null>(null);
  const check = useGuidelineCheck(
    text,
    { channelOwnership: ownership, ...(network ? { network } : {}) },
    { draft: draft ?? undefined, enabled: draft !== null },
  );
  return (
    <Stack component="section" aria-labelledby="policy-try">
      <Title order={2} size="h3" id="policy-try">
        {t('policy.try.title')}
      </Title>
      <Textarea
        label={t('policy.try.text')}
        description={t('policy.try.hint')}
        autosize
        minRows={4}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Select
        label={t('policy.try.ownership')}
        value={ownership}
        onChange={(v) => setOwnership(v === 'personal' ? 'personal' : 'company')}
        data={[
          { value: 'company', label: t('postingRights.company') },
          { value: 'personal', label: t('postingRights.personal') },
        ]}
        allowDeselect={false}
      />
      <Select
        label={t('policy.try.network')}
        placeholder={t('policy.try.anyNetwork')}
        value={network}
        onChange={setNetwork}
        data={NETWORKS}
        clearable
      />
      {draft === null ? (
        <Alert color="gray">{t('policy.try.fixJson')}</Alert>
      ) : (
        <GuidelineFindings
          text={check.checkedText}
          result={check.result}
          checking={check.checking}
          error={check.error}
        />
      )}
    </Stack>
  );
}
