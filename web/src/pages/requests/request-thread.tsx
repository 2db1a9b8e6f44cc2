import { Badge, Button, Card, Checkbox, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys.ts';
import { addRequestMessage, type RequestDetail } from '../../api/requests.ts';
import { useDateTime } from '../../components/date-format.ts';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { useCan } from '../../session/session-context.ts';

/** The conversation between requester and team; the team's internal notes are marked and never sent out. */
export function RequestThread({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const team = useCan('requests.handle');
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<'body'>>({});
  const mutation = useMutation({
    mutationFn: () => addRequestMessage(request.id, body.trim(), internal),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.request(request.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests });
      setBody('');
      setInternal(false);
    },
    onError: (error) => setErrors(formErrors(error, ['body'] as const)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setErrors({ body: t('validation.required') });
      return;
    }
    setErrors({});
    mutation.mutate();
  };
  return (
    <Stack component="section" aria-labelledby="thread-heading" gap="sm">
      <Title order={2} size="h4" id="thread-heading">
        {t('requests.thread.title')}
      </Title>
      {request.messages.length === 0 && <Text c="dimmed">{t('requests.thread.empty')}</Text>}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {request.messages.map((m) => (
          <Card
            key={m.id}
            component="li"
            withBorder
            padding="sm"
            bg={m.internal ? 'var(--mantine-color-yellow-light)' : undefined}
          >
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={500}>
                {m.author?.name ?? t('common.none')}
              </Text>
              <Group gap="xs">
                {m.internal && <Badge color="yellow">{t('requests.thread.internal')}</Badge>}
                <Text size="xs" c="dimmed">
                  {formatDateTime(m.createdAt)}
                </Text>
              </Group>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Text>
          </Card>
        ))}
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Textarea
            label={team ? t('requests.thread.replyTeam') : t('requests.thread.reply')}
            autosize
            minRows={2}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
          />
          <Group>
            {team && (
              <Checkbox
                label={t('requests.thread.internalToggle')}
                checked={internal}
                onChange={(e) => setInternal(e.currentTarget.checked)}
              />
            )}
            <Button type="submit" loading={mutation.isPending}>
              {internal ? t('requests.thread.sendNote') : t('requests.thread.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
