import { i18n } from '../i18n/setup.ts';
import { ApiError, toProblem } from './api-error.ts';
import { request } from './client.ts';
import { CSRF_HEADER, readCsrfToken } from './csrf.ts';
import type { Post, PostFilter, PostInput, PostMedia, PostSummary, ScheduleInput } from './posts-types.ts';
import type { ItemList } from './types.ts';

const path = (id: string, rest = '') => `/api/v1/posts/${encodeURIComponent(id)}${rest}`;

export const fetchPosts = (filter: PostFilter) =>
  request<ItemList<PostSummary>>('/api/v1/posts', {
    query: {
      state: filter.state,
      mine: filter.mine ? 'true' : undefined,
      awaitingMyApproval: filter.awaitingMyApproval ? 'true' : undefined,
      limit: 100,
    },
  });

export const fetchPost = (id: string) => request<Post>(path(id));

export const createPost = (input: PostInput) =>
  request<Post>('/api/v1/posts', { method: 'POST', body: input });

export const updatePost = (id: string, input: PostInput) =>
  request<Post>(path(id), { method: 'PATCH', body: input });

export const deletePost = (id: string) => request<void>(path(id), { method: 'DELETE' });

export const submitPost = (id: string) => request<Post>(path(id, '/submit'), { method: 'POST' });

export const approvePost = (id: string, comment: string, version: number) =>
  request<Post>(path(id, '/approve'), { method: 'POST', body: { comment, version } });

export const requestChanges = (id: string, comment: string, version: number) =>
  request<Post>(path(id, '/request-changes'), { method: 'POST', body: { comment, version } });

export const schedulePost = (id: string, input: ScheduleInput) =>
  request<Post>(path(id, '/schedule'), { method: 'POST', body: input });

export const unschedulePost = (id: string) => request<Post>(path(id, '/unschedule'), { method: 'POST' });

export const resolveTarget = (
  id: string,
  targetId: string,
  input: { decision: 'published' | 'send_again'; url?: string },
) =>
  request<Post>(path(id, `/targets/${encodeURIComponent(targetId)}/resolve`), {
    method: 'POST',
    body: input,
  });

export const addComment = (id: string, body: string, mentionIds: string[]) =>
  request<Post>(path(id, '/comments'), { method: 'POST', body: { body, mentionIds } });

export const refreshMetrics = (id: string) => request<Post>(path(id, '/metrics'), { method: 'POST' });

export const updateAltText = (id: string, mediaId: string, altText: string) =>
  request<PostMedia>(path(id, `/media/${encodeURIComponent(mediaId)}`), {
    method: 'PATCH',
    body: { altText },
  });

export const removeMedia = (id: string, mediaId: string) =>
  request<void>(path(id, `/media/${encodeURIComponent(mediaId)}`), { method: 'DELETE' });

/**
 * Images go up as multipart/form-data, which the JSON client does not speak; the same headers and the
 * same problem+json handling apply, so a 413, 415 or 422 reads like any other error.
 */
export async function uploadMedia(id: string, file: File, altText: string): Promise<PostMedia> {
  const form = new FormData();
  // The server reads fields that come before the file, so the alt text goes first.
  form.append('altText', altText);
  form.append('file', file, file.name);
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language,
  };
  const csrf = readCsrfToken();
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await fetch(path(id, '/media'), {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: form,
    });
  } catch (error) {
    throw new ApiError(toProblem(0, undefined, i18n.t('errors.network')), { cause: error });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch (error) {
    // A proxy's HTML page (often for a 413) still ends as a sentence with the status.
    if (response.ok)
      throw new ApiError(toProblem(response.status, undefined, i18n.t('errors.unexpected')), {
        cause: error,
      });
    body = undefined;
  }
  if (response.ok) return body as PostMedia;
  throw new ApiError(toProblem(response.status, body, i18n.t('errors.http', { status: response.status })));
}
