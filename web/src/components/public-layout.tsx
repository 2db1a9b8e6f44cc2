import { Box, Center, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './language-switch.tsx';

/** Frame of the signed-out pages: brand and language switch on top, one card with the form. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(`${title} · Chorus`);
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Text fw={700} size="lg">
            Chorus
          </Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Center component="main" px="md" py="xl">
        <Container size={440} w="100%" p={0}>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <Stack>
              <Title order={1} size="h2">
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
        </Container>
      </Center>
    </Box>
  );
}
