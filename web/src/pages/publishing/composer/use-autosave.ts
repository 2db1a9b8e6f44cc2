import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/api-error.ts';
import { createPost, fetchPost, updatePost } from '../../../api/posts.ts';
import type { Post } from '../../../api/posts-types.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { type Draft, draftKey, draftOf, hasContent, targetInputs } from './draft-state.ts';

export const AUTOSAVE_DELAY_MS = 800;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; error: unknown }
  /** Someone saved a newer version; the user's text stays in the editor until they decide. */
  | { kind: 'conflict'; message: string };

/**
 * The composer's draft and its autosave: changes are saved once typing pauses, one save at a time, each
 * with the version it started from. A newer version on the server (a colleague's edit) is never
 * overwritten silently and the user's text is never thrown away: they choose to keep theirs or load the
 * other one. A post the user changed elsewhere (submit, images) is adopted, keeping unsaved typing.
 */
export function useAutosave(post: Post | null, initial: Draft, onCreated: (id: string) => void) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => (post ? draftOf(post) : initial));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const postRef = useRef<Post | null>(post);
  const savedKey = useRef(draftKey(post ? draftOf(post) : initial));
  const chain = useRef<Promise<Post | null>>(Promise.resolve(post));
  const conflict = useRef(false);

  /** Takes a post the server sent back as the new base; unsaved typing stays unless `replace`. */
  const adopt = useCallback(
    (next: Post, replace = false) => {
      const dirty = draftKey(draftRef.current) !== savedKey.current;
      postRef.current = next;
      savedKey.current = draftKey(draftOf(next));
      queryClient.setQueryData(queryKeys.post(next.id), next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts, exact: false, refetchType: 'none' });
      if (replace || !dirty) setDraft(draftOf(next));
    },
    [queryClient],
  );

  // Another action or a refetch brought a newer version: take it (the draft too, unless the user typed).
  useEffect(() => {
    if (post && !conflict.current && post.version !== postRef.current?.version) adopt(post);
  }, [post, adopt]);

  const saveOnce = useCallback(async (): Promise<Post | null> => {
    const current = draftRef.current;
    const key = draftKey(current);
    const existing = postRef.current;
    if (conflict.current || (existing && key === savedKey.current)) return existing;
    if (!existing && !hasContent(current)) return null;
    setState({ kind: 'saving' });
    try {
      const input = { ...current, targets: targetInputs(current) };
      const saved = existing
        ? await updatePost(existing.id, { ...input, version: existing.version })
        : await createPost(input);
      postRef.current = saved;
      savedKey.current = key;
      queryClient.setQueryData(queryKeys.post(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts, exact: false, refetchType: 'none' });
      if (!existing) {
        onCreated(saved.id);
        void navigate(`/publishing/posts/${saved.id}`, { replace: true });
      }
      setState({ kind: 'saved', at: new Date() });
      return saved;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'post_changed') {
        conflict.current = true;
        setState({ kind: 'conflict', message: error.detail });
      } else setState({ kind: 'error', error });
      return postRef.current;
    }
  }, [navigate, queryClient, onCreated]);

  /** Saves now (after any save on its way) and answers with the saved post: actions call it first. */
  const flush = useCallback(() => {
    chain.current = chain.current.then(saveOnce, saveOnce);
    return chain.current;
  }, [saveOnce]);

  const key = draftKey(draft);
  useEffect(() => {
    if (key === savedKey.current) return;
    const timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, flush]);

  /** After a conflict: "mine" saves the user's text over the newer version, "theirs" loads it. */
  const resolveConflict = useCallback(
    async (keep: 'mine' | 'theirs') => {
      const id = postRef.current?.id;
      if (!id) return;
      const fresh = await fetchPost(id);
      conflict.current = false;
      adopt(fresh, keep === 'theirs');
      if (keep === 'mine') await flush();
      else setState({ kind: 'idle' });
    },
    [adopt, flush],
  );

  return {
    draft,
    setDraft,
    state,
    dirty: key !== savedKey.current,
    flush,
    adopt,
    resolveConflict,
  };
}
