import type { RouteObject } from 'react-router';
import { CampaignsPage } from './campaigns/campaigns-page.tsx';
import { ComposerPage } from './composer/composer-page.tsx';
import { PostsPage } from './posts-page.tsx';
import { WorkflowsPage } from './workflows/workflows-page.tsx';

/**
 * The publishing area's screens. The composer has one route for a new post and an existing one, so the
 * page stays mounted (and keeps what is being typed) when the first autosave turns "new" into an id.
 */
export const publishingRoutes: RouteObject[] = [
  { path: '/publishing', element: <PostsPage /> },
  { path: '/publishing/posts/:id', element: <ComposerPage /> },
  {
    path: '/publishing/calendar',
    // FullCalendar is a third of the app's script: only the calendar loads it.
    lazy: async () => ({ Component: (await import('./calendar/calendar-page.tsx')).CalendarPage }),
  },
  { path: '/publishing/workflows', element: <WorkflowsPage /> },
  { path: '/publishing/campaigns', element: <CampaignsPage /> },
];
