import type { Post, TargetInput } from '../../../api/posts-types.ts';

/** What the composer edits and autosaves; everything else on a post changes through its own action. */
export interface Draft {
  baseText: string;
  departmentId: string | null;
  campaignId: string | null;
  /** variantText null: the channel publishes the base text. */
  targets: { channelId: string; variantText: string | null }[];
}

export const emptyDraft = (departmentId: string | null): Draft => ({
  baseText: '',
  departmentId,
  campaignId: null,
  targets: [],
});

export const draftOf = (post: Post): Draft => ({
  baseText: post.baseText,
  departmentId: post.department?.id ?? null,
  campaignId: post.campaign?.id ?? null,
  targets: post.targets.map((t) => ({ channelId: t.channel.id, variantText: t.variantText })),
});

/** A comparable form: the order channels were ticked in is not a change. */
export const draftKey = (d: Draft) =>
  JSON.stringify({ ...d, targets: [...d.targets].sort((a, b) => a.channelId.localeCompare(b.channelId)) });

export const targetInputs = (d: Draft): TargetInput[] =>
  d.targets.map((t) => ({ channelId: t.channelId, variantText: t.variantText }));

/** Worth creating a post for: a new, untouched composer stays a page, not an empty draft in the list. */
export const hasContent = (d: Draft) => d.baseText.trim().length > 0 || d.targets.length > 0;
