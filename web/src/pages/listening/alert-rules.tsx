import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AlertKind, createRule, deleteRule, fetchRules } from '../../api/listening.ts';
import { useDateTime } from '../../components/date-format.ts';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { useCan, useSession } from '../../session/session-context.ts';

const FIELDS = [
  'name',
  'threshold',
  'windowMinutes',
  'minSample',
  'quietMinutes',
  'emails',
  'slackUrl',
  'teamsUrl',
] as const;

/** A search's alert rules, with the last error of each; a form adds one. */
export function AlertRules({ searchId }: { searchId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = useCan('listening.manage');
  const dateTime = useDateTime();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: ['listening', 'rules', searchId], queryFn: () => fetchRules(searchId) });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AlertKind>('every_match');
  const [threshold, setThreshold] = useState<number>(10);
  const [windowMinutes, setWindow] = useState<number>(60);
  const [minSample, setMinSample] = useState<number>(10);
  const [quietMinutes, setQuiet] = useState<number>(60);
  const [notifyMe, setNotifyMe] = useState(true);
  const [emails, setEmails] = useState('');
  const [slackUrl, setSlack] = useState('');
  const [teamsUrl, setTeams] = useState('');
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['listening', 'rules', searchId] });

  const add = useMutation({
    mutationFn: () =>
      createRule(searchId, {
        name: name.trim(),
        kind,
        threshold: kind === 'every_match' ? 0 : threshold,
        windowMinutes,
        minSample,
        quietMinutes: kind === 'every_match' ? 0 : quietMinutes,
        active: true,
        inAppUserIds: notifyMe ? [me.user.id] : [],
        emails: emails
          .split(/[\s,;]+/)
          .map((e) => e.trim())
          .filter(Boolean),
        slackUrl: slackUrl.trim() || null,
        teamsUrl: teamsUrl.trim() || null,
      }),
    onSuccess: () => {
      notifySuccess(t('listening.rules.saved'));
      setName('');
      setSlack('');
      setTeams('');
      refresh();
    },
    onError: (error) => {
      const fields = formErrors(error, FIELDS);
      setErrors(fields);
      if (Object.keys(fields).length === 0) notifyError(error);
    },
  });
  const remove = useMutation({
    mutationFn: (ruleId: string) => deleteRule(searchId, ruleId),
    onSuccess: refresh,
    onError: notifyError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    add.mutate();
  };

  return (
    <Card withBorder component="section" aria-labelledby="listening-rules">
      <Title order={3} size="h4" id="listening-rules" mb="sm">
        {t('listening.rules.title')}
      </Title>
      {rules.data && rules.data.items.length > 0 && (
        <Table mb="md">
          <Table.Tbody>
            {rules.data.items.map((r) => (
              <Table.Tr key={r.id} data-testid="listening-rule">
                <Table.Td>
                  <Text fw={600}>{r.name}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`listening.rules.kinds.${r.kind}`)}
                    {r.kind !== 'every_match' &&
                      ` · ${r.threshold}${r.kind === 'negative_share' ? ' %' : ''} / ${r.windowMinutes} min`}
                    {[
                      r.slackHost && 'Slack',
                      r.teamsHost && 'Teams',
                      r.emails.length > 0 && t('listening.rules.email'),
                      r.inAppUserIds.length > 0 && t('listening.rules.inApp'),
                    ]
                      .filter(Boolean)
                      .map((d) => ` · ${d}`)
                      .join('')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {t('listening.rules.lastFired')}: {r.lastFiredAt ? dateTime(r.lastFiredAt) : '—'}
                  </Text>
                  {r.lastError && (
                    <Text size="xs" c="red" data-testid="rule-error">
                      {t('listening.rules.lastError')}: {r.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {canManage && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(r.id)}>
                      {t('listening.delete')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canManage && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Group grow align="flex-start">
              <TextInput
                label={t('listening.rules.name')}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
              />
              <Select
                label={t('listening.rules.kind')}
                data={(['every_match', 'volume', 'negative_share'] as const).map((k) => ({
                  value: k,
                  label: t(`listening.rules.kinds.${k}`),
                }))}
                value={kind}
                onChange={(v) => setKind(v === 'volume' || v === 'negative_share' ? v : 'every_match')}
                allowDeselect={false}
              />
            </Group>
            {kind !== 'every_match' && (
              <Group grow align="flex-start">
                <NumberInput
                  label={
                    kind === 'volume'
                      ? t('listening.rules.volumeThreshold')
                      : t('listening.rules.shareThreshold')
                  }
                  min={1}
                  max={kind === 'volume' ? 100000 : 100}
                  value={threshold}
                  onChange={(v) => setThreshold(Number(v) || 0)}
                  error={errors.threshold}
                />
                <NumberInput
                  label={t('listening.rules.window')}
                  min={5}
                  value={windowMinutes}
                  onChange={(v) => setWindow(Number(v) || 0)}
                  error={errors.windowMinutes}
                />
                {kind === 'negative_share' && (
                  <NumberInput
                    label={t('listening.rules.minSample')}
                    min={1}
                    value={minSample}
                    onChange={(v) => setMinSample(Number(v) || 0)}
                    error={errors.minSample}
                  />
                )}
                <NumberInput
                  label={t('listening.rules.quiet')}
                  min={0}
                  value={quietMinutes}
                  onChange={(v) => setQuiet(Number(v) || 0)}
                  error={errors.quietMinutes}
                />
              </Group>
            )}
            <Checkbox
              label={t('listening.rules.notifyMe')}
              checked={notifyMe}
              onChange={(e) => setNotifyMe(e.currentTarget.checked)}
            />
            <TextInput
              label={t('listening.rules.emails')}
              value={emails}
              onChange={(e) => setEmails(e.currentTarget.value)}
              error={errors.emails}
            />
            <TextInput
              label={t('listening.rules.slack')}
              placeholder="https://hooks.slack.com/services/…"
              value={slackUrl}
              onChange={(e) => setSlack(e.currentTarget.value)}
              error={errors.slackUrl}
            />
            <TextInput
              label={t('listening.rules.teams')}
              placeholder="https://…"
              value={teamsUrl}
              onChange={(e) => setTeams(e.currentTarget.value)}
              error={errors.teamsUrl}
            />
            <Group>
              <Button type="submit" loading={add.isPending}>
                {t('listening.rules.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
