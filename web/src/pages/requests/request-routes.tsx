import type { RouteObject } from 'react-router';
import { NewRequestPage } from './new-request-page.tsx';
import { RequestPage } from './request-page.tsx';
import { RequestsPage } from './requests-page.tsx';

/** The requests desk: everybody files and follows their own requests; the team triages all of them. */
export const requestRoutes: RouteObject[] = [
  { path: '/requests', element: <RequestsPage /> },
  { path: '/requests/new', element: <NewRequestPage /> },
  { path: '/requests/:id', element: <RequestPage /> },
];
