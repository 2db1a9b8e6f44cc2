import { Grid, Group, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../api/campaigns.ts';
import type { Channel } from '../../../api/channels.ts';
import type { Post } from '../../../api/posts-types.ts';
import type { Department } from '../../../api/types.ts';
import { PostStatusBadge } from '../post-status-badge.tsx';
import { ApprovalPanel } from './approval-panel.tsx';
import { CommentsSection } from './comments-section.tsx';
import { ComposerEditor } from './composer-editor.tsx';
import { ComposerGuidelines } from './composer-guidelines.tsx';
import { DeletePostButton } from './delete-post-button.tsx';
import type { Draft } from './draft-state.ts';
import { MediaSection } from './media-section.tsx';
import { PostHistory } from './post-history.tsx';
import { SaveStatus } from './save-status.tsx';
import { SchedulePanel } from './schedule-panel.tsx';
import { TargetResults } from './target-results.tsx';
import { measureFor } from './text-measure.ts';
import { useAutosave } from './use-autosave.ts';
import { checkGroups, useGuidelineVerdicts } from './use-guideline-verdicts.ts';

interface ComposerFormProps {
  post: Post | null;
  initial: Draft;
  channels: Channel[];
  departments: Department[];
  campaigns: Campaign[];
  onCreated: (id: string) => void;
}

/** The composer: the editor on the left; saving, guidelines, approval, scheduling and results beside it. */
export function ComposerForm({
  post,
  initial,
  channels,
  departments,
  campaigns,
  onCreated,
}: ComposerFormProps) {
  const { t } = useTranslation();
  const autosave = useAutosave(post, initial, onCreated);
  const { draft } = autosave;
  const byId = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);
  const groups = useMemo(() => checkGroups(draft, byId), [draft, byId]);
  const { onVerdict, summary } = useGuidelineVerdicts(groups);
  const readOnly = post !== null && !post.can.edit;
  const current = post ?? null;

  const tooLong = draft.targets.flatMap((x) => {
    const c = byId.get(x.channelId);
    return c && measureFor(x.variantText ?? draft.baseText, c.capabilities).over ? [c.name] : [];
  });
  const textProblem =
    tooLong.length > 0
      ? t('composer.count.blocking', { channels: tooLong.join(', ') })
      : draft.targets.length === 0
        ? t('composer.channels.pick')
        : null;
  const submitBlockedBecause =
    textProblem ?? (summary.blocked ? t('composer.schedule.blockedByGuidelines') : null);
  const ownerships = draft.targets.map((x) => byId.get(x.channelId)?.ownership ?? 'company');
  const started = current?.targets.some((x) => x.state !== 'draft') ?? false;

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <ComposerEditor
            draft={draft}
            setDraft={autosave.setDraft}
            post={current}
            channels={channels}
            departments={departments}
            campaigns={campaigns}
            readOnly={readOnly}
          />
          <Stack gap="sm" component="section" aria-labelledby="guidelines-heading">
            <Title order={2} size="h4" id="guidelines-heading">
              {t('composer.guidelines.title')}
            </Title>
            <ComposerGuidelines groups={groups} onVerdict={onVerdict} />
          </Stack>
          <MediaSection post={current} readOnly={readOnly} flush={autosave.flush} adopt={autosave.adopt} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          <Group justify="space-between">
            {current && <PostStatusBadge status={current.status} />}
            {current?.can.delete && <DeletePostButton postId={current.id} />}
            <SaveStatus
              state={autosave.state}
              dirty={autosave.dirty}
              isNew={current === null}
              onResolve={autosave.resolveConflict}
            />
          </Group>
          {current && (
            <>
              <ApprovalPanel
                post={current}
                submitBlockedBecause={submitBlockedBecause}
                flush={autosave.flush}
                adopt={autosave.adopt}
              />
              <SchedulePanel
                post={current}
                ownerships={ownerships}
                blockedBecause={textProblem}
                guidelines={summary}
                flush={autosave.flush}
                adopt={autosave.adopt}
              />
              {started && (
                <TargetResults
                  post={current}
                  adopt={autosave.adopt}
                  onEdit={(channelId) =>
                    autosave.setDraft((d) => ({
                      ...d,
                      targets: d.targets.map((x) =>
                        x.channelId === channelId ? { ...x, variantText: x.variantText ?? d.baseText } : x,
                      ),
                    }))
                  }
                />
              )}
              <CommentsSection post={current} adopt={autosave.adopt} />
              <PostHistory events={current.history} />
            </>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
