import { request } from './client.ts';
import type { ItemList } from './types.ts';

// Shapes of the approval workflow API (workflowSchema and workflowBody in src/modules/publishing/schema.ts).
export interface WorkflowStep {
  roles: string[];
  /** How many different people of these roles must approve. */
  count: number;
}

export interface Workflow {
  id: string;
  name: string;
  /** null: every department. */
  department: { id: string; name: string } | null;
  /** null: every channel. */
  channel: { id: string; name: string } | null;
  steps: WorkflowStep[];
  /** Steps one after another; otherwise in any order. */
  ordered: boolean;
  /** Whether the author's own approval counts. */
  allowSelfApproval: boolean;
}

/** The whole workflow: the server replaces it on every change. */
export interface WorkflowInput {
  name: string;
  departmentId: string | null;
  channelId: string | null;
  steps: WorkflowStep[];
  ordered: boolean;
  allowSelfApproval: boolean;
}

export const fetchWorkflows = () => request<ItemList<Workflow>>('/api/v1/workflows');

export const createWorkflow = (input: WorkflowInput) =>
  request<Workflow>('/api/v1/workflows', { method: 'POST', body: input });

export const updateWorkflow = (id: string, input: WorkflowInput) =>
  request<Workflow>(`/api/v1/workflows/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export const deleteWorkflow = (id: string) =>
  request<void>(`/api/v1/workflows/${encodeURIComponent(id)}`, { method: 'DELETE' });
