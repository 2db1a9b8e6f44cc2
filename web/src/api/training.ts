import { request } from './client.ts';
import type { AttemptResult, Training, TrainingInput, TrainingSummary } from './governance-types.ts';
import type { ItemList } from './types.ts';

export const fetchTrainings = (archived = false) =>
  request<ItemList<TrainingSummary>>('/api/v1/guidelines/training', { query: { archived } });

/** With `answers`, the right options come along (editors only; the server refuses everybody else). */
export const fetchTraining = (id: string, answers = false) =>
  request<Training>(`/api/v1/guidelines/training/${encodeURIComponent(id)}`, { query: { answers } });

export const createTraining = (input: TrainingInput) =>
  request<Training>('/api/v1/guidelines/training', { method: 'POST', body: input });

export const updateTraining = (id: string, input: TrainingInput) =>
  request<Training>(`/api/v1/guidelines/training/${encodeURIComponent(id)}`, { method: 'PUT', body: input });

/** Only the chosen options go to the server; it grades them and records the attempt. */
export const submitAttempt = (id: string, answers: Record<string, string[]>) =>
  request<AttemptResult>(`/api/v1/guidelines/training/${encodeURIComponent(id)}/attempts`, {
    method: 'POST',
    body: { answers },
  });
