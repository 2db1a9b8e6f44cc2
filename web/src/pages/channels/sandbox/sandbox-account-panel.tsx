import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SandboxAccount } from '../../../api/sandbox.ts';
import { SandboxMentionForm } from './sandbox-mention-form.tsx';
import { SandboxPosts } from './sandbox-posts.tsx';
import { SandboxSettingsForm } from './sandbox-settings-form.tsx';

/** One account of the sandbox: how the network behaves for it, what it published, and its audience. */
export function SandboxAccountPanel({ account }: { account: SandboxAccount }) {
  const { t } = useTranslation();
  return (
    <Stack component="section" aria-labelledby="sandbox-account" gap="lg">
      <Title order={2} id="sandbox-account">
        {t('sandbox.account.title', { handle: account.handle, name: account.displayName })}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SandboxSettingsForm account={account} />
        <SandboxMentionForm account={account} />
      </SimpleGrid>
      <SandboxPosts account={account} />
    </Stack>
  );
}
