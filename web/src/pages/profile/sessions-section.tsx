import { Button, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignOutEverywhere } from '../../session/use-sign-out.ts';

/** Ends every session of this user, this one included — for a lost laptop or a shared computer. */
export function SessionsSection() {
  const { t } = useTranslation();
  const signOutEverywhere = useSignOutEverywhere();
  return (
    <section aria-labelledby="profile-sessions">
      <Title order={2} id="profile-sessions" mb="sm">
        {t('sessions.title')}
      </Title>
      <Text mb="sm" maw={640}>
        {t('sessions.text')}
      </Text>
      <Button
        color="red"
        variant="light"
        onClick={() => signOutEverywhere.mutate()}
        loading={signOutEverywhere.isPending}
      >
        {t('sessions.signOutEverywhere')}
      </Button>
    </section>
  );
}
