import { createContext, useContext } from 'react';
import type { Me } from '../api/types.ts';

export const SessionContext = createContext<Me | null>(null);

/** The signed-in user; only valid below RequireSession, which renders nothing else without a session. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() used outside of <RequireSession>');
  return me;
}

export type Permission =
  | 'org.manage'
  | 'users.read'
  | 'users.manage'
  | 'departments.manage'
  | 'sso.manage'
  | 'audit.read'
  | 'audit.export'
  | 'channels.read'
  | 'channels.manage'
  | 'channels.connect_personal'
  | 'guidelines.read'
  | 'guidelines.manage'
  | 'guidelines.override'
  | 'guidelines.review'
  | 'posts.read'
  | 'posts.write'
  | 'posts.approve'
  | 'workflows.manage'
  | 'campaigns.manage'
  | 'requests.file'
  | 'requests.handle'
  | 'integrations.manage'
  | 'listening.read'
  | 'listening.manage';

export const can = (me: Me, permission: Permission) => me.permissions.includes(permission);

export function useCan(permission: Permission): boolean {
  return can(useSession(), permission);
}
