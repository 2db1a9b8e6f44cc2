import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LinkCards } from '../../components/link-cards.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { roleLabel } from '../../components/roles.ts';
import { useSession } from '../../session/session-context.ts';
import { organisationCards } from '../organisation/organisation-cards.ts';

export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const cards = [
    ...organisationCards(t, me),
    { to: '/governance', title: t('areas.governance.name'), text: t('governance.homeCard') },
    { to: '/profile', title: t('profile.title'), text: t('profile.summary') },
  ];
  return (
    <Stack gap="xl">
      <div>
        <PageHeader title={t('home.welcome', { name: me.user.name })} />
        <Text>
          {me.department
            ? t('home.membershipWithDepartment', {
                organisation: me.organisation.name,
                role: roleLabel(t, me.role),
                department: me.department.name,
              })
            : t('home.membership', { organisation: me.organisation.name, role: roleLabel(t, me.role) })}
        </Text>
      </div>
      <section aria-labelledby="home-available">
        <Title order={2} id="home-available" mb="sm">
          {t('home.available')}
        </Title>
        <LinkCards cards={cards} />
      </section>
      <Text c="dimmed" size="sm">
        {t('home.comingSoon')}
      </Text>
    </Stack>
  );
}
