import type { RouteObject } from 'react-router';
import { ChannelDetailPage } from './channel-detail-page.tsx';
import { ChannelsPage } from './channels-page.tsx';
import { SandboxPage } from './sandbox/sandbox-page.tsx';

/** The channels area's screens; every signed-in role may read channels (channels.read), the server checks. */
export const channelRoutes: RouteObject[] = [
  { path: '/channels', element: <ChannelsPage /> },
  { path: '/channels/sandbox', element: <SandboxPage /> },
  { path: '/channels/sandbox/:handle/:postId?', element: <SandboxPage /> },
  { path: '/channels/:id', element: <ChannelDetailPage /> },
];
