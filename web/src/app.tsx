import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { setUnauthorizedHandler } from './api/client.ts';
import { queryClient } from './api/query-client.ts';
import { queryKeys } from './api/query-keys.ts';
import { AppShellLayout } from './components/app-shell-layout.tsx';
import { LocalisedDates } from './components/dates-provider.tsx';
import { RequirePermission } from './components/require-permission.tsx';
import { i18n } from './i18n/setup.ts';
import { AreaPage } from './pages/areas/area-page.tsx';
import { AREA_IDS, AREA_PATHS, BUILT_AREAS } from './pages/areas/areas.ts';
import { channelRoutes } from './pages/channels/channel-routes.tsx';
import { CompliancePage } from './pages/governance/compliance-page.tsx';
import { GovernancePage } from './pages/governance/governance-page.tsx';
import { GuidelinesPage } from './pages/governance/guidelines-page.tsx';
import { PolicyPage } from './pages/governance/policy-page.tsx';
import { ReadinessPage } from './pages/governance/readiness-page.tsx';
import { ReviewQueuePage } from './pages/governance/review-queue-page.tsx';
import { TrainingEditorPage } from './pages/governance/training-editor-page.tsx';
import { TrainingListPage } from './pages/governance/training-list-page.tsx';
import { TrainingPage } from './pages/governance/training-page.tsx';
import { HomePage } from './pages/home/home-page.tsx';
import { integrationRoutes } from './pages/integrations/integration-routes.tsx';
import { AcceptInvitationPage } from './pages/invite/accept-invitation-page.tsx';
import { listeningRoutes } from './pages/listening/listening-routes.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { AuditPage } from './pages/organisation/audit/audit-page.tsx';
import { DepartmentsPage } from './pages/organisation/departments/departments-page.tsx';
import { OrganisationPage } from './pages/organisation/organisation-page.tsx';
import { OrganisationSettingsPage } from './pages/organisation/settings/organisation-settings-page.tsx';
import { SsoPage } from './pages/organisation/sso/sso-page.tsx';
import { UsersPage } from './pages/organisation/users/users-page.tsx';
import { ProfilePage } from './pages/profile/profile-page.tsx';
import { publishingRoutes } from './pages/publishing/publishing-routes.tsx';
import { requestRoutes } from './pages/requests/request-routes.tsx';
import { SignInPage } from './pages/sign-in/sign-in-page.tsx';
import { RequireSession } from './session/require-session.tsx';
import { signInPath } from './session/sign-in-path.ts';
import { createAppTheme, cssVariablesResolver } from './theme.ts';

/** Areas without screens yet get their "not available yet" page, from the same list as the navigation. */
const plannedAreaRoutes: RouteObject[] = AREA_IDS.flatMap((id) =>
  id === 'organisation' || BUILT_AREAS.has(id)
    ? []
    : [{ path: AREA_PATHS[id], element: <AreaPage area={id} /> }],
);

const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/invite/:token', element: <AcceptInvitationPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShellLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: '/organisation', element: <OrganisationPage /> },
          { path: '/organisation/settings', element: <OrganisationSettingsPage /> },
          {
            path: '/organisation/users',
            element: (
              <RequirePermission permission="users.read">
                <UsersPage />
              </RequirePermission>
            ),
          },
          { path: '/organisation/departments', element: <DepartmentsPage /> },
          {
            path: '/organisation/sso',
            element: (
              <RequirePermission permission="sso.manage">
                <SsoPage />
              </RequirePermission>
            ),
          },
          {
            path: '/organisation/audit',
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: '/governance', element: <GovernancePage /> },
          { path: '/governance/guidelines', element: <GuidelinesPage /> },
          { path: '/governance/training', element: <TrainingListPage /> },
          {
            path: '/governance/training/new',
            element: (
              <RequirePermission permission="guidelines.manage">
                <TrainingEditorPage />
              </RequirePermission>
            ),
          },
          { path: '/governance/training/:id', element: <TrainingPage /> },
          {
            path: '/governance/training/:id/edit',
            element: (
              <RequirePermission permission="guidelines.manage">
                <TrainingEditorPage />
              </RequirePermission>
            ),
          },
          {
            path: '/governance/policy',
            element: (
              <RequirePermission permission="guidelines.manage">
                <PolicyPage />
              </RequirePermission>
            ),
          },
          {
            path: '/governance/review',
            element: (
              <RequirePermission permission="guidelines.review">
                <ReviewQueuePage />
              </RequirePermission>
            ),
          },
          {
            path: '/governance/compliance',
            element: (
              <RequirePermission permission="guidelines.review">
                <CompliancePage />
              </RequirePermission>
            ),
          },
          { path: '/governance/readiness', element: <ReadinessPage /> },
          { path: '/profile', element: <ProfilePage /> },
          ...channelRoutes,
          ...publishingRoutes,
          ...requestRoutes,
          ...integrationRoutes,
          ...listeningRoutes,
          ...plannedAreaRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

const router = createBrowserRouter(routes);

// Any 401 outside the signed-out pages means the session ended (expired, signed out elsewhere, deactivated).
setUnauthorizedHandler(() => {
  queryClient.setQueryData(queryKeys.me, null);
  const { pathname, search } = router.state.location;
  if (pathname !== '/sign-in') void router.navigate(signInPath(pathname + search), { replace: true });
});

/** Rebuilt when the language changes, because the theme carries the names of Mantine's icon buttons. */
function ThemedApp({ children }: { children: ReactNode }) {
  // react-i18next hands out a new t for each language, so the theme follows the language.
  const { t } = useTranslation();
  const theme = useMemo(() => createAppTheme(t), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <ThemedApp>
        <QueryClientProvider client={queryClient}>
          <LocalisedDates>
            <Notifications position="bottom-right" />
            <RouterProvider router={router} />
          </LocalisedDates>
        </QueryClientProvider>
      </ThemedApp>
    </I18nextProvider>
  );
}
