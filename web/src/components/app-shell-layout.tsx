import { Anchor, AppShell, Box, Burger, Button, Divider, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useSession } from '../session/session-context.ts';
import { useSignOut } from '../session/use-sign-out.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { MainNav } from './main-nav.tsx';
import { NotificationBell } from './notifications/notification-bell.tsx';
import { UserMenu } from './user-menu.tsx';

const MAIN_ID = 'main-content';
const NAV_ID = 'main-navigation';

export function AppShellLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const signOut = useSignOut();
  const [navOpened, nav] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <a className="chorus-skip-link" href={`#${MAIN_ID}`}>
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group wrap="nowrap" gap="sm" miw={0}>
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('shell.closeNavigation') : t('shell.openNavigation')}
              aria-expanded={navOpened}
              aria-controls={NAV_ID}
            />
            <Anchor component={Link} to="/" fw={700} c="inherit" underline="never">
              Chorus
            </Anchor>
            <Text c="dimmed" truncate>
              {me.organisation.name}
            </Text>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <Box visibleFrom="sm">
              <LanguageSwitch />
            </Box>
            <NotificationBell />
            <UserMenu />
            <Button variant="default" size="sm" visibleFrom="sm" onClick={() => signOut.mutate()}>
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id={NAV_ID} aria-label={t('shell.navigation')} p="xs">
        <AppShell.Section grow component={ScrollArea}>
          <MainNav onNavigate={nav.close} />
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm">
          <Divider my="xs" />
          <Box p="xs">
            <LanguageSwitch />
          </Box>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
