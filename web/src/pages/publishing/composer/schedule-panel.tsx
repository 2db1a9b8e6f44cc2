import { Alert, Anchor, Button, Group, List, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchPostingRights } from '../../../api/guidelines.ts';
import { schedulePost, unschedulePost } from '../../../api/posts.ts';
import type { Post, ScheduleInput } from '../../../api/posts-types.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { wallClockToUtc } from '../../../components/date-format.ts';
import { notifySuccess } from '../../../components/notify.ts';
import { useCan, useSession } from '../../../session/session-context.ts';
import { ActionError } from './action-error.tsx';

/** The server asks for at least this much of a reason before it records an override. */
const OVERRIDE_REASON_MIN = 10;

type Mode = ScheduleInput['mode'];

interface SchedulePanelProps {
  post: Post;
  /** Ownership of each of the post's channels, for the posting rights that apply. */
  ownerships: ('company' | 'personal')[];
  /** Why it cannot go out as typed (over a network's limit, unsaved), or null. */
  blockedBecause: string | null;
  guidelines: { blocked: boolean; warned: boolean };
  flush: () => Promise<Post | null>;
  adopt: (post: Post) => void;
}

/** Publish now, at a time (in the user's zone, sent as UTC), or in each channel's next free slot. */
export function SchedulePanel({
  post,
  ownerships,
  blockedBecause,
  guidelines,
  flush,
  adopt,
}: SchedulePanelProps) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const canOverride = useCan('guidelines.override');
  const [mode, setMode] = useState<Mode>('now');
  const [at, setAt] = useState<string | null>(null);
  const [atError, setAtError] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const rights = useQuery({ queryKey: queryKeys.postingRights(i18n.language), queryFn: fetchPostingRights });
  const missing = [...new Set(ownerships)].flatMap((o) => rights.data?.[o].missing ?? []);
  const objection = guidelines.blocked || guidelines.warned;

  const schedule = useMutation({
    mutationFn: async (input: ScheduleInput) => {
      const saved = await flush();
      return schedulePost(saved?.id ?? post.id, input);
    },
    onSuccess: (next) => {
      adopt(next);
      setReason('');
      notifySuccess(mode === 'now' ? t('composer.schedule.sentNow') : t('composer.schedule.scheduled'));
    },
  });
  const unschedule = useMutation({
    mutationFn: () => unschedulePost(post.id),
    onSuccess: (next) => {
      adopt(next);
      notifySuccess(t('composer.schedule.unscheduled'));
    },
  });

  const go = () => {
    const overrideReason = objection && canOverride ? reason.trim() : undefined;
    if (mode === 'at') {
      const utc = wallClockToUtc(at, me.user.timeZone);
      if (!utc) {
        setAtError(t('validation.required'));
        return;
      }
      setAtError(undefined);
      schedule.mutate({ mode, at: utc, overrideReason });
    } else schedule.mutate({ mode, overrideReason });
  };

  // In the order people fix them: the text, the guidelines, their own rights, then the workflow.
  const disabledBecause =
    blockedBecause ??
    (objection && !canOverride
      ? guidelines.blocked
        ? t('composer.schedule.blockedByGuidelines')
        : t('composer.schedule.warnedByGuidelines')
      : objection && reason.trim().length < OVERRIDE_REASON_MIN
        ? t('composer.schedule.reasonNeeded', { min: OVERRIDE_REASON_MIN })
        : missing.length > 0
          ? t('composer.schedule.noRights')
          : !post.can.schedule
            ? post.workflow.required && !post.workflow.satisfied
              ? t('composer.schedule.needsApproval')
              : t('composer.schedule.nothingToSchedule')
            : null);

  return (
    <Stack gap="sm" component="section" aria-labelledby="schedule-heading">
      <Title order={2} size="h4" id="schedule-heading">
        {t('composer.schedule.title')}
      </Title>
      <Radio.Group
        label={t('composer.schedule.when')}
        value={mode}
        onChange={(v) => setMode(v === 'at' || v === 'slot' ? v : 'now')}
      >
        <Stack gap={6} mt={6}>
          <Radio value="now" label={t('composer.schedule.now')} />
          <Radio value="at" label={t('composer.schedule.at')} />
          <Radio value="slot" label={t('composer.schedule.slot')} />
        </Stack>
      </Radio.Group>
      {mode === 'at' && (
        <DateTimePicker
          label={t('composer.schedule.time', { zone: me.user.timeZone })}
          value={at}
          onChange={setAt}
          minDate={new Date()}
          valueFormat="DD.MM.YYYY HH:mm"
          error={atError}
          clearable
          timePickerProps={{
            hoursInputLabel: t('composer.schedule.hours'),
            minutesInputLabel: t('composer.schedule.minutes'),
          }}
          submitButtonProps={{ 'aria-label': t('composer.schedule.takeTime') }}
        />
      )}
      {objection && canOverride && (
        <Textarea
          label={t('composer.schedule.overrideReason')}
          description={t('composer.schedule.overrideHint')}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      )}
      {missing.length > 0 && (
        <Alert color="yellow" title={t('composer.schedule.noRights')}>
          <List size="sm">
            {missing.map((m) => (
              <List.Item key={`${m.kind}-${m.id}`}>
                <Anchor component={Link} to={m.path}>
                  {m.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group>
        <Button onClick={go} loading={schedule.isPending} disabled={disabledBecause !== null}>
          {mode === 'now' ? t('composer.schedule.publishNow') : t('composer.schedule.schedule')}
        </Button>
        {post.can.unschedule && (
          <Button variant="default" onClick={() => unschedule.mutate()} loading={unschedule.isPending}>
            {t('composer.schedule.unschedule')}
          </Button>
        )}
      </Group>
      {disabledBecause && (
        <Text size="sm" c="dimmed" data-testid="schedule-blocked">
          {disabledBecause}
        </Text>
      )}
      <ActionError error={schedule.error ?? unschedule.error} />
    </Stack>
  );
}
