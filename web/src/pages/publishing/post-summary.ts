import type { PostSummary } from '../../api/posts-types.ts';

export const excerpt = (text: string, max = 90) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The time a list shows for a post: the earliest scheduled time, else when it last went out. */
export function nextTime(post: PostSummary): string | null {
  const scheduled = post.targets
    .filter((t) => t.state === 'scheduled' || t.state === 'sending')
    .flatMap((t) => (t.scheduledAt ? [t.scheduledAt] : []))
    .sort();
  if (scheduled[0]) return scheduled[0];
  const published = post.targets.flatMap((t) => (t.publishedAt ? [t.publishedAt] : [])).sort();
  return published[published.length - 1] ?? null;
}
