import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys.ts';
import { fetchSandboxPosts, type SandboxAccount, simulateMention } from '../../../api/sandbox.ts';
import { type FieldErrors, formErrors } from '../../../components/form-errors.ts';
import { notifySuccess } from '../../../components/notify.ts';
import { excerpt } from './excerpt.ts';

const FIELDS = ['text', 'replyToId'] as const;
const MAX_CHARS = 500;

/** A visitor of the sandbox writes to the account: the way to try the inbox without a real network. */
export function SandboxMentionForm({ account }: { account: SandboxAccount }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const posts = useQuery({
    queryKey: queryKeys.sandboxPosts(account.id),
    queryFn: () => fetchSandboxPosts(account.id),
  });
  const [text, setText] = useState('');
  const [replyToId, setReplyToId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});

  const mutation = useMutation({
    mutationFn: () => simulateMention(account.id, { text: text.trim(), replyToId }),
    onSuccess: () => {
      notifySuccess(t('sandbox.mention.sent', { handle: account.handle }));
      setText('');
      setReplyToId(null);
      // The visitor's account is opened with the first mention.
      void queryClient.invalidateQueries({ queryKey: queryKeys.sandbox });
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setErrors({ text: t('validation.required') });
      return;
    }
    setErrors({});
    mutation.mutate();
  };

  const replyOptions = (posts.data?.items ?? [])
    .filter((p) => !p.deleted)
    .map((p) => ({ value: p.id, label: excerpt(p.text, 80) }));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sandbox-mention">
      <Title order={3} size="h4" id="sandbox-mention" mb="xs">
        {t('sandbox.mention.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sandbox.mention.summary', { handle: account.handle })}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea
            label={t('sandbox.mention.text')}
            required
            autosize
            minRows={2}
            maxLength={MAX_CHARS}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text}
          />
          <Select
            label={t('sandbox.mention.replyTo')}
            data={replyOptions}
            value={replyToId}
            onChange={setReplyToId}
            clearable
            nothingFoundMessage={t('sandbox.mention.noPosts')}
            error={errors.replyToId}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('sandbox.mention.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
