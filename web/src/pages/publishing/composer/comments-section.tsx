import { Button, Group, MultiSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addComment } from '../../../api/posts.ts';
import type { Post } from '../../../api/posts-types.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { fetchUsers } from '../../../api/users.ts';
import { useDateTime } from '../../../components/date-format.ts';
import { useCan, useSession } from '../../../session/session-context.ts';
import { ActionError } from './action-error.tsx';
import { CommentBody } from './comment-body.tsx';

/**
 * The team's internal discussion of the post; never published. Colleagues mentioned are told in the app
 * and by mail. Only people who may see the user list can pick whom to mention.
 */
export function CommentsSection({ post, adopt }: { post: Post; adopt: (p: Post) => void }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const me = useSession();
  const canListUsers = useCan('users.read');
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [bodyError, setBodyError] = useState<string | undefined>();
  const users = useQuery({
    queryKey: queryKeys.userList({ status: 'active' }),
    queryFn: () => fetchUsers({ status: 'active' }),
    enabled: canListUsers,
  });
  const colleagues = (users.data?.items ?? [])
    .filter((u) => u.id !== me.user.id)
    .map((u) => ({ value: u.id, label: u.name }));
  const send = useMutation({
    mutationFn: () => addComment(post.id, body.trim(), mentions),
    onSuccess: (next) => {
      adopt(next);
      setBody('');
      setMentions([]);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setBodyError(t('validation.required'));
      return;
    }
    setBodyError(undefined);
    send.mutate();
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="comments-heading">
      <Title order={2} size="h4" id="comments-heading">
        {t('composer.comments.title')}
      </Title>
      {post.comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('composer.comments.empty')}
        </Text>
      ) : (
        post.comments.map((c) => (
          <Paper
            key={c.id}
            withBorder
            p="xs"
            component="article"
            aria-label={t('composer.comments.by', { name: c.author.name })}
          >
            <Text size="xs" c="dimmed">
              {c.author.name} · {formatDateTime(c.createdAt)}
            </Text>
            <CommentBody comment={c} />
            {c.mentions.length > 0 && (
              <Text size="xs" c="indigo" aria-label={t('composer.comments.mentioned')}>
                {c.mentions.map((m) => `@${m.name}`).join(' ')}
              </Text>
            )}
          </Paper>
        ))
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Textarea
            label={t('composer.comments.body')}
            description={t('composer.comments.internal')}
            placeholder={t('composer.comments.typeMention')}
            autosize
            minRows={2}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={bodyError}
          />
          {canListUsers && (
            <MultiSelect
              label={t('composer.comments.mention')}
              data={colleagues}
              value={mentions}
              onChange={setMentions}
              searchable
              clearable
            />
          )}
          <Group>
            <Button type="submit" variant="default" loading={send.isPending}>
              {t('composer.comments.send')}
            </Button>
          </Group>
          <ActionError error={send.error} />
        </Stack>
      </form>
    </Stack>
  );
}
