import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission.tsx';
import { SearchPage } from './search-page.tsx';
import { SearchesPage } from './searches-page.tsx';

export const listeningRoutes: RouteObject[] = [
  {
    path: '/listening',
    element: (
      <RequirePermission permission="listening.read">
        <SearchesPage />
      </RequirePermission>
    ),
  },
  {
    path: '/listening/:id',
    element: (
      <RequirePermission permission="listening.read">
        <SearchPage />
      </RequirePermission>
    ),
  },
];
