import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { queryKeys } from '../api/query-keys.ts';
import { fetchMe } from '../api/session.ts';
import { FullPageError, FullPageLoader } from '../components/full-page-status.tsx';
import { useProfileLocale } from '../i18n/use-language.ts';
import { SessionContext } from './session-context.ts';
import { signInPath } from './sign-in-path.ts';

/** Gate for every page that needs a signed-in user; everything below can call useSession(). */
export function RequireSession() {
  const location = useLocation();
  const me = useQuery({ queryKey: queryKeys.me, queryFn: fetchMe });
  useProfileLocale(me.data?.user.locale);

  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <FullPageError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return (
    <SessionContext value={me.data}>
      <Outlet />
    </SessionContext>
  );
}
