import { Button, FileInput, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPost, removeMedia, updateAltText, uploadMedia } from '../../../api/posts.ts';
import type { Post, PostMedia } from '../../../api/posts-types.ts';
import { type FieldErrors, splitFieldErrors } from '../../../components/form-errors.ts';
import { ActionError } from './action-error.tsx';

const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

interface MediaSectionProps {
  post: Post | null;
  readOnly: boolean;
  /** Creates the post first when it is new: images belong to a saved post. */
  flush: () => Promise<Post | null>;
  adopt: (post: Post) => void;
}

function MediaItem({
  post,
  media,
  readOnly,
  adopt,
}: {
  post: Post;
  media: PostMedia;
  readOnly: boolean;
  adopt: (p: Post) => void;
}) {
  const { t } = useTranslation();
  const [alt, setAlt] = useState(media.altText);
  // Changing an image changes the post's version: the post is read again to carry on from the new one.
  const save = useMutation({
    mutationFn: async () => {
      await updateAltText(post.id, media.id, alt.trim());
      return fetchPost(post.id);
    },
    onSuccess: adopt,
  });
  const remove = useMutation({
    mutationFn: async () => {
      await removeMedia(post.id, media.id);
      return fetchPost(post.id);
    },
    onSuccess: adopt,
  });
  return (
    <Group align="flex-start" wrap="nowrap">
      <Image src={media.url} alt={media.altText} w={96} h={96} fit="cover" radius="sm" />
      <Stack gap={4} style={{ flex: 1 }}>
        <Text size="sm" fw={500}>
          {media.filename}
        </Text>
        <TextInput
          label={t('composer.media.altFor', { file: media.filename })}
          value={alt}
          readOnly={readOnly}
          onChange={(e) => setAlt(e.currentTarget.value)}
          error={alt.trim() === '' ? t('composer.media.altRequired') : undefined}
        />
        {!readOnly && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              disabled={alt.trim() === '' || alt === media.altText}
              loading={save.isPending}
              onClick={() => save.mutate()}
            >
              {t('composer.media.saveAlt')}
            </Button>
            <Button
              size="xs"
              variant="light"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate()}
              aria-label={t('composer.media.remove', { file: media.filename })}
            >
              {t('common.delete')}
            </Button>
          </Group>
        )}
        <ActionError error={save.error ?? remove.error} />
      </Stack>
    </Group>
  );
}

/** Images with their alt text, which is required: people who cannot see an image read it instead. */
export function MediaSection({ post, readOnly, flush, adopt }: MediaSectionProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'file' | 'altText'>>({});
  const upload = useMutation({
    mutationFn: async (input: { file: File; alt: string }) => {
      const saved = post ?? (await flush());
      if (!saved) throw new Error(t('composer.media.writeFirst'));
      await uploadMedia(saved.id, input.file, input.alt);
      return fetchPost(saved.id);
    },
    onSuccess: (next) => {
      adopt(next);
      setFile(null);
      setAlt('');
    },
    onError: (error) => setErrors(splitFieldErrors(error, ['file', 'altText'] as const).byField),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: FieldErrors<'file' | 'altText'> = {};
    if (!file) next.file = t('validation.required');
    if (!alt.trim()) next.altText = t('composer.media.altRequired');
    setErrors(next);
    if (file && alt.trim()) upload.mutate({ file, alt: alt.trim() });
  };
  const media = post?.media ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="media-heading">
      <Title order={2} size="h4" id="media-heading">
        {t('composer.media.title')}
      </Title>
      {media.map(
        (m) => post && <MediaItem key={m.id} post={post} media={m} readOnly={readOnly} adopt={adopt} />,
      )}
      {!readOnly && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <FileInput
              label={t('composer.media.file')}
              description={t('composer.media.fileHint')}
              accept={ACCEPT}
              value={file}
              onChange={setFile}
              error={errors.file}
              clearable
            />
            <TextInput
              label={t('composer.media.alt')}
              description={t('composer.media.altHint')}
              value={alt}
              onChange={(e) => setAlt(e.currentTarget.value)}
              error={errors.altText}
            />
            <Group>
              <Button type="submit" variant="default" loading={upload.isPending}>
                {t('composer.media.upload')}
              </Button>
            </Group>
            <ActionError error={upload.error} />
          </Stack>
        </form>
      )}
    </Stack>
  );
}
