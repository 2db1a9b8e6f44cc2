import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys.ts';
import { fetchRoles } from '../../../api/users.ts';

/** The server's defaults, shown until the role list has loaded (or when it cannot be loaded). */
const FALLBACK = ['owner', 'admin', 'manager', 'editor'];

/** Roles that may approve posts: a step naming any other role could never be completed. */
export function useApproverRoles(): string[] {
  const roles = useQuery({ queryKey: queryKeys.roles, queryFn: fetchRoles });
  const approvers = (roles.data?.items ?? [])
    .filter((r) => r.permissions.includes('posts.approve'))
    .map((r) => r.role);
  return approvers.length > 0 ? approvers : FALLBACK;
}
