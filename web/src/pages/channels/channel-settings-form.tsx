import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, ChannelUpdate } from '../../api/channels.ts';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { notifySuccess } from '../../components/notify.ts';
import { useCan } from '../../session/session-context.ts';
import { MemberSelect } from './member-select.tsx';
import { useUpdateChannel } from './use-update-channel.ts';

const FIELDS = ['name', 'memberIds'] as const;

/** The name and, for a company channel, the team who may publish to it. Mounted per channel version. */
export function ChannelSettingsForm({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  // Choosing people needs the user list; without it the team is shown but not changed here.
  const canPickPeople = useCan('users.read');
  const [name, setName] = useState(channel.name);
  const [memberIds, setMemberIds] = useState(channel.members.map((m) => m.id));
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});
  const mutation = useUpdateChannel(channel, {
    onSuccess: (saved) => notifySuccess(t('channels.detail.saved', { name: saved.name })),
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });
  const editsTeam = channel.ownership === 'company' && canPickPeople;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('validation.required') });
      return;
    }
    setErrors({});
    const update: ChannelUpdate = { name: name.trim() };
    if (editsTeam) update.memberIds = memberIds;
    mutation.mutate(update);
  };

  return (
    <section aria-labelledby="channel-settings">
      <Title order={2} id="channel-settings" mb="sm">
        {channel.ownership === 'company'
          ? t('channels.detail.settings')
          : t('channels.detail.settingsPersonal')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={560}>
          <TextInput
            label={t('channels.fields.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          {editsTeam && (
            <MemberSelect
              label={t('channels.fields.members')}
              description={t('channels.detail.membersHint')}
              value={memberIds}
              onChange={setMemberIds}
              current={channel.members}
              error={errors.memberIds}
            />
          )}
          {channel.ownership === 'company' && !canPickPeople && <TeamList channel={channel} />}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}

export function TeamList({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return (
    <Text>
      {t('channels.fields.members')}:{' '}
      {channel.members.length === 0 ? t('channels.noTeam') : channel.members.map((m) => m.name).join(', ')}
    </Text>
  );
}
