import { Alert, Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys.ts';
import { createToken } from '../../api/tokens.ts';
import type { ApiTokenCreated } from '../../api/types.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { usePermissionLabel } from '../../components/use-permission-label.ts';
import { useSession } from '../../session/session-context.ts';

const FIELDS = ['name', 'scopes', 'expiresInDays'] as const;
type Field = (typeof FIELDS)[number];
const EXPIRY_DAYS = ['30', '90', '365'] as const;
const NEVER = 'never';

/** Mounted only while open, so each new token starts from a clean form with all own permissions ticked. */
export function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const permissionLabel = usePermissionLabel();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(me.permissions);
  const [expiry, setExpiry] = useState<string>('90');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);

  const mutation = useMutation({
    mutationFn: () =>
      createToken({ name: name.trim(), scopes, expiresInDays: expiry === NEVER ? null : Number(expiry) }),
    onSuccess: (result) => {
      setCreated(result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid: FieldErrors<Field> = {};
    if (!name.trim()) invalid.name = t('validation.required');
    if (scopes.length === 0) invalid.scopes = t('tokens.scopesRequired');
    setErrors(invalid);
    if (Object.keys(invalid).length === 0) mutation.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={t('tokens.createTitle')} size="lg">
      {created ? (
        <Stack>
          <Alert color="yellow" title={t('tokens.secretWarningTitle')} role="alert">
            {t('tokens.secretWarning')}
          </Alert>
          <CopyField label={t('tokens.secret', { name: created.token.name })} value={created.secret} />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('tokens.fields.name')}
              description={t('tokens.nameHint')}
              required
              data-autofocus
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <Checkbox.Group
              label={t('tokens.fields.scopes')}
              description={t('tokens.scopesHint')}
              value={scopes}
              onChange={setScopes}
              error={errors.scopes}
            >
              <Stack gap="xs" mt="xs">
                {me.permissions.map((permission) => (
                  <Checkbox key={permission} value={permission} label={permissionLabel(permission)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Select
              label={t('tokens.fields.expiry')}
              data={[
                ...EXPIRY_DAYS.map((days) => ({
                  value: days,
                  label: t('tokens.expiresInDays', { count: Number(days) }),
                })),
                { value: NEVER, label: t('tokens.neverExpires') },
              ]}
              value={expiry}
              onChange={(value) => setExpiry(value ?? '90')}
              allowDeselect={false}
              error={errors.expiresInDays}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
