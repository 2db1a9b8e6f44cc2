import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys.ts';
import { fetchRoles } from '../api/users.ts';
import { permissionLabel } from './roles.ts';

/**
 * Names a permission for people: the server's description (it knows every permission, also those added
 * after this UI was written), else the UI's own, always followed by the code, which is also the API scope.
 */
export function usePermissionLabel(): (permission: string) => string {
  const { t, i18n } = useTranslation();
  const roles = useQuery({ queryKey: queryKeys.roles, queryFn: fetchRoles });
  const described = new Map(
    (roles.data?.permissions ?? []).map((p) => [p.name, i18n.language === 'de' ? p.de : p.en]),
  );
  return (permission) => {
    const text = described.get(permission);
    return text ? `${text} (${permission})` : permissionLabel(t, permission);
  };
}
