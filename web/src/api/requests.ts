import { i18n } from '../i18n/setup.ts';
import { ApiError, toProblem } from './api-error.ts';
import { request } from './client.ts';
import { CSRF_HEADER, readCsrfToken } from './csrf.ts';
import type { ItemList } from './types.ts';

export const REQUEST_TYPES = ['research', 'posting', 'question'] as const;
export const REQUEST_STATUSES = ['new', 'in_progress', 'waiting', 'done', 'declined'] as const;
export const REQUEST_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

/** Which status may follow which (the server refuses the others). */
export const NEXT_STATUSES: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['in_progress', 'waiting', 'done', 'declined'],
  in_progress: ['waiting', 'done', 'declined'],
  waiting: ['in_progress', 'done', 'declined'],
  done: ['in_progress'],
  declined: ['in_progress'],
};

export interface Person {
  id: string;
  name: string;
}

export interface RequestSummary {
  id: string;
  type: RequestType;
  title: string;
  status: RequestStatus;
  priority: RequestPriority;
  dueDate: string | null;
  requester: Person | null;
  assignee: Person | null;
  department: Person | null;
  createdAt: string;
  updatedAt: string;
}

export interface ResearchFields {
  topic: string;
  keywords: string[];
  periodFrom: string | null;
  periodTo: string | null;
}
export interface PostingFields {
  content: string;
  channelIds: string[];
  desiredDate: string | null;
  link: string | null;
}
export interface QuestionFields {
  question: string;
}

export interface RequestAttachment {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  url: string;
  createdAt: string;
}

export interface RequestDetail extends RequestSummary {
  description: string;
  fields: Record<string, unknown>;
  declineReason: string | null;
  postId: string | null;
  listeningSearchId: string | null;
  closedAt: string | null;
  messages: { id: string; author: Person | null; body: string; internal: boolean; createdAt: string }[];
  attachments: RequestAttachment[];
  history: {
    id: string;
    actorLabel: string;
    kind: string;
    detail: Record<string, string | null>;
    createdAt: string;
  }[];
}

export type NewRequest = {
  title: string;
  description: string;
  dueDate: string | null;
  departmentId: string | null;
} & (
  | { type: 'research'; fields: ResearchFields }
  | { type: 'posting'; fields: PostingFields }
  | { type: 'question'; fields: QuestionFields }
);

export interface RequestFilter {
  scope: 'mine' | 'assigned' | 'all';
  status?: RequestStatus | 'open';
  type?: RequestType;
  assigneeId?: string;
}

export interface TriageInput {
  priority?: RequestPriority;
  assigneeId?: string | null;
  status?: RequestStatus;
  declineReason?: string;
}

const path = (id: string, rest = '') => `/api/v1/requests/${encodeURIComponent(id)}${rest}`;

export const fetchRequests = (filter: RequestFilter) =>
  request<ItemList<RequestSummary>>('/api/v1/requests', {
    query: { scope: filter.scope, status: filter.status, type: filter.type, assigneeId: filter.assigneeId },
  });

export const fetchRequest = (id: string) => request<RequestDetail>(path(id));

export const fetchAssignees = () => request<ItemList<Person>>('/api/v1/requests/assignees');

export const fileRequest = (input: NewRequest) =>
  request<RequestDetail>('/api/v1/requests', { method: 'POST', body: input });

export const triageRequest = (id: string, input: TriageInput) =>
  request<RequestDetail>(path(id), { method: 'PATCH', body: input });

export const addRequestMessage = (id: string, body: string, internal: boolean) =>
  request<RequestDetail>(path(id, '/messages'), { method: 'POST', body: { body, internal } });

export const turnIntoPost = (id: string) => request<RequestDetail>(path(id, '/post'), { method: 'POST' });

/** Files go up as multipart/form-data; failures read like every other problem+json answer. */
export async function uploadRequestAttachment(id: string, file: File): Promise<RequestAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language,
  };
  const csrf = readCsrfToken();
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await fetch(path(id, '/attachments'), {
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
  if (response.ok) return body as RequestAttachment;
  throw new ApiError(toProblem(response.status, body, i18n.t('errors.http', { status: response.status })));
}
