import type { RouteObject } from 'react-router';
import { ComposerPage } from './composer/composer-page.tsx';
import { PostsPage } from './posts-page.tsx';

/**
 * The publishing area's screens. The composer has one route for a new post and an existing one, so the
 * page stays mounted (and keeps what is being typed) when the first autosave turns "new" into an id.
 * Calendar, workflows and campaigns add their routes here.
 */
export const publishingRoutes: RouteObject[] = [
  { path: '/publishing', element: <PostsPage /> },
  { path: '/publishing/posts/:id', element: <ComposerPage /> },
];
