import { Divider, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { useSession } from '../../session/session-context.ts';
import { PasswordForm } from './password-form.tsx';
import { ProfileForm } from './profile-form.tsx';
import { SessionsSection } from './sessions-section.tsx';
import { TokensSection } from './tokens-section.tsx';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Stack gap="xl">
      <PageHeader title={t('profile.title')} description={t('profile.summary')} />
      {/* Re-created when the profile changes elsewhere (the header's language switch), so it never saves stale values. */}
      <ProfileForm key={`${me.user.name}|${me.user.locale}|${me.user.timeZone}`} />
      <Divider />
      <PasswordForm />
      <Divider />
      <TokensSection />
      <Divider />
      <SessionsSection />
    </Stack>
  );
}
