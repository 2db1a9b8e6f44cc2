import { Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys.ts';
import { fetchSso } from '../../../api/sso.ts';
import type { Sso } from '../../../api/types.ts';
import { CopyField } from '../../../components/copy-field.tsx';
import { useDateTime } from '../../../components/date-format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RemoveSsoButton } from './remove-sso-button.tsx';
import { SsoForm } from './sso-form.tsx';

/** Single sign-on with the company's OpenID Connect provider; only sso.manage reaches this page. */
export function SsoPage() {
  const { t } = useTranslation();
  const sso = useQuery({ queryKey: queryKeys.sso, queryFn: fetchSso });

  return (
    <Stack>
      <PageHeader title={t('organisation.sso.title')} description={t('organisation.sso.summary')} />
      <Text maw={720}>{t('sso.intro')}</Text>
      {sso.isError ? (
        <QueryError error={sso.error} onRetry={() => void sso.refetch()} />
      ) : sso.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <SsoSections sso={sso.data} />
      )}
    </Stack>
  );
}

function SsoStatus({ sso }: { sso: Sso }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const { settings } = sso;
  if (!settings) return <Badge color="gray">{t('sso.status.notSetUp')}</Badge>;
  return (
    <Group gap="sm">
      <Badge color={settings.enabled ? 'green' : 'gray'}>
        {t(settings.enabled ? 'sso.status.enabled' : 'sso.status.disabled')}
      </Badge>
      <Text size="sm" c="dimmed">
        {t('sso.status.updated', { time: formatDateTime(settings.updatedAt) })}
      </Text>
    </Group>
  );
}

function SsoSections({ sso }: { sso: Sso }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <SsoStatus sso={sso} />
      <section aria-labelledby="sso-register">
        <Title order={2} size="h3" id="sso-register" mb="sm">
          {t('sso.register.title')}
        </Title>
        <Stack maw={640} gap="xs">
          <CopyField label={t('sso.register.callbackUrl')} value={sso.callbackUrl} />
          <Text size="sm" c="dimmed">
            {t('sso.register.hint')}
          </Text>
        </Stack>
      </section>
      <section aria-labelledby="sso-settings">
        <Title order={2} size="h3" id="sso-settings" mb="sm">
          {t('sso.settingsTitle')}
        </Title>
        {/* A new version from the server (saved, removed) starts the form afresh, with the secret field empty. */}
        <SsoForm key={sso.settings?.updatedAt ?? 'new'} settings={sso.settings} />
      </section>
      {sso.settings && (
        <section aria-labelledby="sso-remove">
          <Title order={2} size="h3" id="sso-remove" mb="sm">
            {t('sso.remove.title')}
          </Title>
          <Stack maw={640} align="flex-start">
            <Text size="sm">{t('sso.remove.text')}</Text>
            <RemoveSsoButton callbackUrl={sso.callbackUrl} />
          </Stack>
        </section>
      )}
    </Stack>
  );
}
