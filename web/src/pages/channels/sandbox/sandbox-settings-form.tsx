import { Button, Card, Group, List, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys.ts';
import { type SandboxAccount, type SandboxSettings, updateSandboxSettings } from '../../../api/sandbox.ts';
import { type FieldErrors, formErrors } from '../../../components/form-errors.ts';
import { notifySuccess } from '../../../components/notify.ts';
import { useCan } from '../../../session/session-context.ts';

const FIELDS = ['latencyMs', 'rateLimitPerMinute', 'failureRate'] as const;

/** NumberInput gives '' for an empty field; the API wants a number or, for the rate limit, null. */
const toNumber = (v: string | number): number | null => (v === '' ? null : Number(v));

function SettingsSummary({ settings }: { settings: SandboxSettings }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2}>
      <List.Item>{t('sandbox.settings.latencyIs', { ms: settings.latencyMs })}</List.Item>
      <List.Item>
        {settings.rateLimitPerMinute === null
          ? t('sandbox.settings.unlimited')
          : t('sandbox.settings.rateLimitIs', { count: settings.rateLimitPerMinute })}
      </List.Item>
      <List.Item>
        {t('sandbox.settings.failureRateIs', { percent: Math.round(settings.failureRate * 100) })}
      </List.Item>
    </List>
  );
}

/**
 * Makes the account behave like a slow or unreliable network, to see retries and failure reasons in
 * Chorus without breaking a real one. Only people who manage channels change it.
 */
export function SandboxSettingsForm({ account }: { account: SandboxAccount }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canManage = useCan('channels.manage');
  const [latency, setLatency] = useState<string | number>(account.settings.latencyMs);
  const [rateLimit, setRateLimit] = useState<string | number>(account.settings.rateLimitPerMinute ?? '');
  const [failurePercent, setFailurePercent] = useState<string | number>(
    Math.round(account.settings.failureRate * 100),
  );
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});

  const mutation = useMutation({
    mutationFn: (settings: Partial<SandboxSettings>) => updateSandboxSettings(account.id, settings),
    onSuccess: () => {
      notifySuccess(t('sandbox.settings.saved', { handle: account.handle }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.sandboxAccounts });
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    mutation.mutate({
      latencyMs: toNumber(latency) ?? 0,
      rateLimitPerMinute: toNumber(rateLimit),
      failureRate: (toNumber(failurePercent) ?? 0) / 100,
    });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sandbox-settings">
      <Title order={3} size="h4" id="sandbox-settings" mb="xs">
        {t('sandbox.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sandbox.settings.summary')}
      </Text>
      {canManage ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            <NumberInput
              label={t('sandbox.settings.latency')}
              min={0}
              max={120_000}
              step={100}
              allowDecimal={false}
              allowNegative={false}
              value={latency}
              onChange={setLatency}
              error={errors.latencyMs}
            />
            <NumberInput
              label={t('sandbox.settings.rateLimit')}
              description={t('sandbox.settings.rateLimitHint')}
              min={1}
              max={1_000_000}
              allowDecimal={false}
              allowNegative={false}
              value={rateLimit}
              onChange={setRateLimit}
              error={errors.rateLimitPerMinute}
            />
            <NumberInput
              label={t('sandbox.settings.failureRate')}
              description={t('sandbox.settings.failureRateHint')}
              min={0}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="strict"
              suffix=" %"
              value={failurePercent}
              onChange={setFailurePercent}
              error={errors.failureRate}
            />
            <Group>
              <Button type="submit" loading={mutation.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <SettingsSummary settings={account.settings} />
      )}
    </Card>
  );
}
