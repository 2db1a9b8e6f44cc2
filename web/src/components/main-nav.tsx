import { Box, NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { AREA_IDS, AREA_PATHS, ORGANISATION_PAGES } from '../pages/areas/areas.ts';
import { can, useSession } from '../session/session-context.ts';

const isActive = (pathname: string, path: string, exact: boolean) =>
  exact ? pathname === path : pathname === path || pathname.startsWith(`${path}/`);

/** All twelve areas, always listed, so everybody sees what the product covers and where it is going. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const { pathname } = useLocation();
  const subPages = ORGANISATION_PAGES.filter((page) => !page.permission || can(me, page.permission));

  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {AREA_IDS.map((id) => (
        <li key={id}>
          <NavLink
            component={RouterNavLink}
            to={AREA_PATHS[id]}
            end={id === 'organisation'}
            label={t(`areas.${id}.name`)}
            active={isActive(pathname, AREA_PATHS[id], id === 'organisation')}
            onClick={onNavigate}
          />
          {id === 'organisation' && (
            <Box component="ul" m={0} p={0} pl="md" style={{ listStyle: 'none' }}>
              {subPages.map((page) => (
                <li key={page.id}>
                  <NavLink
                    component={RouterNavLink}
                    to={page.path}
                    label={t(`organisation.${page.id}.title`)}
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
