import { Box, NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { AREA_IDS, AREA_PATHS, GOVERNANCE_PAGES, ORGANISATION_PAGES } from '../pages/areas/areas.ts';
import { can, useSession } from '../session/session-context.ts';

const isActive = (pathname: string, path: string, exact: boolean) =>
  exact ? pathname === path : pathname === path || pathname.startsWith(`${path}/`);

/** All twelve areas, always listed, so everybody sees what the product covers and where it is going. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const { pathname } = useLocation();
  const allowed = <P extends { permission?: Parameters<typeof can>[1] }>(pages: readonly P[]) =>
    pages.filter((page) => !page.permission || can(me, page.permission));
  const subPages: Partial<Record<(typeof AREA_IDS)[number], { path: string; label: string }[]>> = {
    organisation: allowed(ORGANISATION_PAGES).map((p) => ({
      path: p.path,
      label: t(`organisation.${p.id}.title`),
    })),
    governance: allowed(GOVERNANCE_PAGES).map((p) => ({
      path: p.path,
      label: t(`governance.${p.id}.title`),
    })),
  };

  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {AREA_IDS.map((id) => (
        <li key={id}>
          <NavLink
            component={RouterNavLink}
            to={AREA_PATHS[id]}
            end={id in subPages}
            label={t(`areas.${id}.name`)}
            active={isActive(pathname, AREA_PATHS[id], id in subPages)}
            onClick={onNavigate}
          />
          {subPages[id] && (
            <Box component="ul" m={0} p={0} pl="md" style={{ listStyle: 'none' }}>
              {subPages[id].map((page) => (
                <li key={page.path}>
                  <NavLink
                    component={RouterNavLink}
                    to={page.path}
                    label={page.label}
                    active={isActive(pathname, page.path, false)}
                    onClick={onNavigate}
                  />
                </li>
              ))}
            </Box>
          )}
        </li>
      ))}
    </Box>
  );
}
