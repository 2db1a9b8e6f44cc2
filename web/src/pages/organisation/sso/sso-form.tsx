import {
  Alert,
  Button,
  Fieldset,
  Group,
  PasswordInput,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys.ts';
import { saveSso } from '../../../api/sso.ts';
import type { SsoSettings, SsoUpdate } from '../../../api/types.ts';
import { DescribedSwitch } from '../../../components/described-switch.tsx';
import { type FieldErrors, splitFieldErrors } from '../../../components/form-errors.ts';
import { errorMessage, notifySuccess } from '../../../components/notify.ts';
import { useSession } from '../../../session/session-context.ts';
import { useRoleOptions } from '../users/select-options.ts';
import { domainOf, firstInvalidDomain, MAX_SSO_DOMAINS, normaliseDomains } from './sso-domains.ts';

const FIELDS = [
  'issuer',
  'clientId',
  'clientSecret',
  'enabled',
  'domains',
  'autoProvision',
  'defaultRole',
  'allowPassword',
] as const;
type Field = (typeof FIELDS)[number];

/** Granted by a person, never handed out by the provider (the server refuses them as well). */
const NOT_PROVISIONED = new Set(['owner', 'admin']);

/** What a first setup starts from: on, no accounts made without an invitation, passwords still allowed. */
const DEFAULTS: Omit<SsoUpdate, 'issuer' | 'clientId'> = {
  enabled: true,
  domains: [],
  autoProvision: false,
  defaultRole: 'contributor',
  allowPassword: true,
};

/** Mounted per saved version (keyed by the page), so it starts from what the server has. */
export function SsoForm({ settings }: { settings: SsoSettings | null }) {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const roles = useRoleOptions();
  const start = settings ?? DEFAULTS;
  const [issuer, setIssuer] = useState(settings?.issuer ?? '');
  const [clientId, setClientId] = useState(settings?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [enabled, setEnabled] = useState(start.enabled);
  const [domains, setDomains] = useState<string[]>(start.domains);
  const [autoProvision, setAutoProvision] = useState(start.autoProvision);
  const [defaultRole, setDefaultRole] = useState(start.defaultRole);
  const [allowPassword, setAllowPassword] = useState(start.allowPassword);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const secretStored = settings?.clientSecretSet ?? false;

  const mutation = useMutation({
    mutationFn: saveSso,
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.sso, saved);
      notifySuccess(t('sso.saved'));
    },
    onError: (error) => setErrors(splitFieldErrors(error, FIELDS).byField),
  });
  // The provider is asked while saving; what it said that belongs to no field stays in view by the button.
  const formError = mutation.isError && splitFieldErrors(mutation.error, FIELDS).unmatched;

  const validate = (): FieldErrors<Field> => {
    const found: FieldErrors<Field> = {};
    if (!issuer.trim()) found.issuer = t('validation.required');
    if (!clientId.trim()) found.clientId = t('validation.required');
    if (!secretStored && !clientSecret) found.clientSecret = t('validation.required');
    const invalid = firstInvalidDomain(domains);
    if (domains.length === 0) found.domains = t('sso.domainsRequired');
    else if (invalid) found.domains = t('sso.domainInvalid', { domain: invalid });
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    mutation.mutate({
      issuer: issuer.trim(),
      clientId: clientId.trim(),
      // Left out, the server keeps the stored secret.
      ...(clientSecret ? { clientSecret } : {}),
      enabled,
      domains,
      autoProvision,
      defaultRole,
      allowPassword,
    });
  };

  // Someone may shut themselves out: with password sign-in off, a broken provider locks out this admin too.
  const locksOutSelf = enabled && !allowPassword && domains.includes(domainOf(me.user.email));

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={640}>
        <Fieldset legend={t('sso.sections.provider')}>
          <Stack>
            <TextInput
              label={t('sso.fields.issuer')}
              description={t('sso.hints.issuer')}
              placeholder="https://login.example.com/realms/company"
              required
              value={issuer}
              onChange={(e) => setIssuer(e.currentTarget.value)}
              error={errors.issuer}
            />
            <TextInput
              label={t('sso.fields.clientId')}
              required
              autoComplete="off"
              value={clientId}
              onChange={(e) => setClientId(e.currentTarget.value)}
              error={errors.clientId}
            />
            <PasswordInput
              label={t('sso.fields.clientSecret')}
              description={t(secretStored ? 'sso.hints.clientSecretStored' : 'sso.hints.clientSecretNew')}
              placeholder={secretStored ? t('sso.secretPlaceholder') : undefined}
              required={!secretStored}
              // Not the admin's own password: the browser must neither fill it in nor offer to save it.
              autoComplete="new-password"
              value={clientSecret}
              onChange={(e) => setClientSecret(e.currentTarget.value)}
              error={errors.clientSecret}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('sso.sections.who')}>
          <Stack>
            <TagsInput
              label={t('sso.fields.domains')}
              description={t('sso.hints.domains')}
              placeholder={domains.length === 0 ? 'beispiel.de' : undefined}
              value={domains}
              onChange={(values) => setDomains(normaliseDomains(values))}
              splitChars={[',', ' ', ';']}
              maxTags={MAX_SSO_DOMAINS}
              error={errors.domains}
            />
            <DescribedSwitch
              label={t('sso.fields.enabled')}
              description={t('sso.hints.enabled')}
              checked={enabled}
              onChange={(e) => setEnabled(e.currentTarget.checked)}
              error={errors.enabled}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('sso.sections.accounts')}>
          <Stack>
            <DescribedSwitch
              label={t('sso.fields.autoProvision')}
              description={t('sso.hints.autoProvision')}
              checked={autoProvision}
              onChange={(e) => setAutoProvision(e.currentTarget.checked)}
              error={errors.autoProvision}
            />
            <Select
              label={t('sso.fields.defaultRole')}
              description={t('sso.hints.defaultRole')}
              data={roles.options.filter((option) => !NOT_PROVISIONED.has(option.value))}
              value={defaultRole}
              onChange={(value) => {
                if (value) setDefaultRole(value);
              }}
              allowDeselect={false}
              disabled={!autoProvision}
              error={errors.defaultRole}
            />
            <DescribedSwitch
              label={t('sso.fields.allowPassword')}
              description={t('sso.hints.allowPassword')}
              checked={allowPassword}
              onChange={(e) => setAllowPassword(e.currentTarget.checked)}
              error={errors.allowPassword}
            />
            {locksOutSelf && (
              <Alert color="yellow">
                <Text size="sm">{t('sso.selfLockout', { domain: domainOf(me.user.email) })}</Text>
              </Alert>
            )}
          </Stack>
        </Fieldset>

        {formError && (
          <Alert color="red" title={t('sso.saveFailed')} role="alert">
            <Text size="sm">{errorMessage(mutation.error)}</Text>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
          {/* Always present, so screen readers announce the text when it appears. */}
          <Text size="sm" c="dimmed" aria-live="polite">
            {mutation.isPending ? t('sso.checkingProvider') : ''}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
