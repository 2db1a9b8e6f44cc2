import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { verifyAuditChain } from '../../../api/audit.ts';
import { errorMessage } from '../../../components/notify.ts';

/** Recomputes the hash chain on the server; the answer stays visible until asked again. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifyAuditChain });
  const result = verify.data;

  return (
    <Stack gap="xs">
      <Group>
        <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('audit.verify.button')}
        </Button>
      </Group>
      <div role="status" aria-live="polite">
        {verify.isError && (
          <Alert color="red" title={t('audit.verify.failed')}>
            {errorMessage(verify.error)}
          </Alert>
        )}
        {result?.ok && (
          <Alert color="green" title={t('audit.verify.okTitle')}>
            {t('audit.verify.ok', { count: result.checked })}
          </Alert>
        )}
        {result && !result.ok && (
          <Alert color="red" title={t('audit.verify.brokenTitle')}>
            <Text size="sm">
              {result.brokenAtSeq === null
                ? t('audit.verify.brokenUnknown', { count: result.checked })
                : t('audit.verify.broken', { seq: result.brokenAtSeq, count: result.checked })}
            </Text>
            {result.reason && (
              <Text size="sm" mt="xs">
                {t(`audit.verify.reason.${result.reason}`)}
              </Text>
            )}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
