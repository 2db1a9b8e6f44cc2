import { Button, Group, NativeSelect, Select, Stack, Text, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, PlanSlot } from '../../api/channels.ts';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { notifySuccess } from '../../components/notify.ts';
import { timeZoneOptions } from '../../components/time-zones.ts';
import { WEEKDAYS, weekdayLabel } from './channel-labels.ts';
import { sortedSlots } from './plan-slots.ts';
import { useUpdateChannel } from './use-update-channel.ts';

const FIELDS = ['plan', 'planTimeZone'] as const;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

interface Row extends PlanSlot {
  /** Stable across edits, so removing one row does not move another's focus or value. */
  key: number;
}

/** The weekly times a channel posts at when nobody picks an exact time, in the plan's own time zone. */
export function PostingPlanForm({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const nextKey = useRef(channel.plan.length);
  const [rows, setRows] = useState<Row[]>(() => sortedSlots(channel.plan).map((s, key) => ({ ...s, key })));
  const [timeZone, setTimeZone] = useState(channel.planTimeZone);
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});
  const [badRows, setBadRows] = useState<ReadonlySet<number>>(new Set());
  const mutation = useUpdateChannel(channel, {
    onSuccess: (saved) => {
      setRows(sortedSlots(saved.plan).map((s, i) => ({ ...s, key: nextKey.current + i })));
      nextKey.current += saved.plan.length;
      notifySuccess(t('channels.plan.saved'));
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const change = (key: number, patch: Partial<PlanSlot>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const key = nextKey.current++;
    setRows((all) => [...all, { key, weekday: 1, time: '09:00' }]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bad = new Set(rows.filter((r) => !HH_MM.test(r.time)).map((r) => r.key));
    setBadRows(bad);
    setErrors({});
    if (bad.size > 0) return;
    // Two equal slots would mean the same moment twice; one is kept.
    const unique = new Map(rows.map((r) => [`${r.weekday} ${r.time}`, { weekday: r.weekday, time: r.time }]));
    mutation.mutate({ plan: sortedSlots([...unique.values()]), planTimeZone: timeZone });
  };

  return (
    <section aria-labelledby="channel-plan">
      <Title order={2} id="channel-plan" mb="xs">
        {t('channels.plan.title')}
      </Title>
      <Text c="dimmed" mb="sm">
        {t('channels.plan.summary')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack maw={560}>
          {rows.length === 0 ? (
            <Text>{t('channels.plan.empty')}</Text>
          ) : (
            // One visible heading per column; each field still has its own name for screen readers.
            <Group wrap="nowrap" aria-hidden="true" mb={-8}>
              <Text fw={500} size="sm" flex={1}>
                {t('channels.plan.weekdayColumn')}
              </Text>
              <Text fw={500} size="sm" w={130}>
                {t('channels.plan.timeColumn')}
              </Text>
            </Group>
          )}
          {rows.map((row, index) => (
            <Group key={row.key} align="flex-start" wrap="nowrap">
              {/* Native: fifteen rows of Mantine's Select made the page slow to open. */}
              <NativeSelect
                aria-label={t('channels.plan.weekday', { n: index + 1 })}
                data={WEEKDAYS.map((d) => ({ value: String(d), label: weekdayLabel(t, d) }))}
                value={String(row.weekday)}
                onChange={(e) => change(row.key, { weekday: Number(e.currentTarget.value) })}
                flex={1}
              />
              <TimeInput
                aria-label={t('channels.plan.time', { n: index + 1 })}
                value={row.time}
                onChange={(e) => change(row.key, { time: e.currentTarget.value })}
                error={badRows.has(row.key) ? t('channels.plan.timeInvalid') : undefined}
                w={130}
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                aria-label={t('channels.plan.remove', { n: index + 1 })}
              >
                {t('channels.plan.removeShort')}
              </Button>
            </Group>
          ))}
          {errors.plan && (
            <Text c="red" size="sm" role="alert">
              {errors.plan}
            </Text>
          )}
          <Group>
            <Button variant="default" onClick={add}>
              {t('channels.plan.add')}
            </Button>
          </Group>
          <Select
            label={t('channels.plan.timeZone')}
            data={timeZoneOptions(channel.planTimeZone)}
            value={timeZone}
            onChange={(v) => v && setTimeZone(v)}
            searchable
            allowDeselect={false}
            limit={50}
            nothingFoundMessage={t('common.nothingFound')}
            error={errors.planTimeZone}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('channels.plan.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
