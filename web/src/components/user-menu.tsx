import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../session/session-context.ts';
import { useSignOut } from '../session/use-sign-out.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useSession();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" aria-label={t('shell.userMenu', { name: me.user.name })}>
          <Text component="span" truncate maw={180} size="sm" fw={500}>
            {me.user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          {t('profile.title')}
        </Menu.Item>
        <Menu.Item onClick={() => signOut.mutate()}>{t('shell.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
