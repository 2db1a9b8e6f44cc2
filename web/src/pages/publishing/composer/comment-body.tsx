import { Mark, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PostComment } from '../../../api/posts-types.ts';

/**
 * A comment's text with the `@Name`s that mention someone marked. The text is a colleague's and shown
 * as text; only the server's ranges decide what is marked.
 */
export function CommentBody({ comment }: { comment: PostComment }) {
  const parts: ReactNode[] = [];
  let at = 0;
  const ranges = [...comment.mentionRanges].sort((a, b) => a.start - b.start);
  for (const { start, end } of ranges) {
    if (start < at || end > comment.body.length) continue;
    if (start > at) parts.push(comment.body.slice(at, start));
    parts.push(
      <Mark key={start} color="indigo" data-mention="">
        {comment.body.slice(start, end)}
      </Mark>,
    );
    at = end;
  }
  if (at < comment.body.length) parts.push(comment.body.slice(at));
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {parts}
    </Text>
  );
}
