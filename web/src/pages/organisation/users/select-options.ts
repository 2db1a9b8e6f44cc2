import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchDepartments } from '../../../api/departments.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { fetchRoles } from '../../../api/users.ts';
import { roleLabel } from '../../../components/roles.ts';

export interface Option {
  value: string;
  label: string;
}

/** Roles as the server lists them, labelled in the UI language. */
export function useRoleOptions(): { options: Option[]; loading: boolean } {
  const { t } = useTranslation();
  const roles = useQuery({ queryKey: queryKeys.roles, queryFn: fetchRoles });
  const options = (roles.data?.items ?? []).map(({ role }) => ({ value: role, label: roleLabel(t, role) }));
  return { options, loading: roles.isPending };
}

export function useDepartmentOptions(): { options: Option[]; loading: boolean } {
  const departments = useQuery({ queryKey: queryKeys.departments, queryFn: fetchDepartments });
  const options = (departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }));
  return { options, loading: departments.isPending };
}
