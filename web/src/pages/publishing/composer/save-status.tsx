import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/notify.ts';
import type { SaveState } from './use-autosave.ts';

interface SaveStatusProps {
  state: SaveState;
  dirty: boolean;
  isNew: boolean;
  onResolve: (keep: 'mine' | 'theirs') => Promise<void>;
}

/** Whether what is on screen is saved; after a colleague's newer save, the user chooses what to keep. */
export function SaveStatus({ state, dirty, isNew, onResolve }: SaveStatusProps) {
  const { t } = useTranslation();
  const [resolving, setResolving] = useState<'mine' | 'theirs' | null>(null);
  const [resolveError, setResolveError] = useState<unknown>(null);
  const resolve = async (keep: 'mine' | 'theirs') => {
    setResolving(keep);
    setResolveError(null);
    try {
      await onResolve(keep);
    } catch (error) {
      setResolveError(error);
    } finally {
      setResolving(null);
    }
  };
  if (state.kind === 'conflict')
    return (
      <Alert color="orange" title={t('composer.save.conflictTitle')} role="alert">
        <Text size="sm">{state.message}</Text>
        <Text size="sm" mt={4}>
          {t('composer.save.conflictKept')}
        </Text>
        <Group mt="sm">
          <Button size="xs" onClick={() => void resolve('mine')} loading={resolving === 'mine'}>
            {t('composer.save.keepMine')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => void resolve('theirs')}
            loading={resolving === 'theirs'}
          >
            {t('composer.save.loadTheirs')}
          </Button>
        </Group>
        {resolveError !== null && (
          <Text size="sm" c="red" mt={4}>
            {errorMessage(resolveError)}
          </Text>
        )}
      </Alert>
    );
  const text =
    state.kind === 'saving'
      ? t('composer.save.saving')
      : state.kind === 'error'
        ? t('composer.save.failed', { reason: errorMessage(state.error) })
        : dirty
          ? t('composer.save.unsaved')
          : isNew
            ? t('composer.save.newHint')
            : t('composer.save.saved');
  return (
    <Text size="sm" c={state.kind === 'error' ? 'red' : 'dimmed'} role="status" data-testid="save-status">
      {text}
    </Text>
  );
}
