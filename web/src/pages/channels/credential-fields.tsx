import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Credentials, Network } from '../../api/channels.ts';
import type { FieldErrors } from '../../components/form-errors.ts';

export type CredentialNetwork = Exclude<Network, 'sandbox'>;
export const CREDENTIAL_FIELDS = ['serviceUrl', 'identifier', 'secret'] as const;
export type CredentialField = (typeof CREDENTIAL_FIELDS)[number];

/** Where most people's accounts live; an own instance or PDS is typed over it. */
export const DEFAULT_SERVICE_URL: Record<CredentialNetwork, string> = {
  mastodon: '',
  bluesky: 'https://bsky.social',
};

export const emptyCredentials = (network: CredentialNetwork): Credentials => ({
  serviceUrl: DEFAULT_SERVICE_URL[network],
  identifier: '',
  secret: '',
});

/** What is missing, before asking the network: Bluesky needs an app password, Mastodon a token only. */
export function missingCredentials(
  network: CredentialNetwork,
  c: Credentials,
  required: string,
): FieldErrors<CredentialField> {
  const errors: FieldErrors<CredentialField> = {};
  if (!c.serviceUrl.trim()) errors.serviceUrl = required;
  if (!c.identifier.trim()) errors.identifier = required;
  if (network === 'bluesky' && !c.secret) errors.secret = required;
  return errors;
}

interface CredentialFieldsProps {
  network: CredentialNetwork;
  value: Credentials;
  onChange: (value: Credentials) => void;
  errors: FieldErrors<CredentialField>;
}

/**
 * The same three API fields mean different things per network (Mastodon: instance and access token;
 * Bluesky: PDS, handle and app password), so each network gets its own labels and hints.
 */
export function CredentialFields({ network, value, onChange, errors }: CredentialFieldsProps) {
  const { t } = useTranslation();
  const set = (field: CredentialField) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [field]: e.currentTarget.value });
  return (
    <>
      <TextInput
        label={t(`channels.credentials.serviceUrl.${network}`)}
        description={t(`channels.credentials.serviceUrlHint.${network}`)}
        type="url"
        required
        value={value.serviceUrl}
        onChange={set('serviceUrl')}
        error={errors.serviceUrl}
      />
      {network === 'mastodon' ? (
        <PasswordInput
          label={t('channels.credentials.identifier.mastodon')}
          description={t('channels.credentials.identifierHint.mastodon')}
          required
          autoComplete="off"
          value={value.identifier}
          onChange={set('identifier')}
          error={errors.identifier}
        />
      ) : (
        <>
          <TextInput
            label={t('channels.credentials.identifier.bluesky')}
            description={t('channels.credentials.identifierHint.bluesky')}
            required
            autoComplete="off"
            value={value.identifier}
            onChange={set('identifier')}
            error={errors.identifier}
          />
          <PasswordInput
            label={t('channels.credentials.secret')}
            description={t('channels.credentials.secretHint')}
            required
            autoComplete="new-password"
            value={value.secret}
            onChange={set('secret')}
            error={errors.secret}
          />
        </>
      )}
    </>
  );
}
