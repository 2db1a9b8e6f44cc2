import { request } from './client.ts';
import type { Department, DepartmentInput, ItemList } from './types.ts';

export const fetchDepartments = () => request<ItemList<Department>>('/api/v1/departments');

export const createDepartment = (input: DepartmentInput) =>
  request<Department>('/api/v1/departments', { method: 'POST', body: input });

export const updateDepartment = (id: string, input: Partial<DepartmentInput>) =>
  request<Department>(`/api/v1/departments/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

/** Members of the department keep their accounts and are left without a department. */
export const deleteDepartment = (id: string) =>
  request<void>(`/api/v1/departments/${encodeURIComponent(id)}`, { method: 'DELETE' });
