import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from './client.ts';
import type {
  CheckContext,
  CurrentGuideline,
  Guideline,
  GuidelineCheckResult,
  GuidelineInput,
  GuidelineTemplates,
  GuidelineVersion,
  PolicyVersion,
  PostingRights,
  StoredPolicy,
} from './governance-types.ts';
import { queryKeys } from './query-keys.ts';
import type { ItemList } from './types.ts';

export const checkText = (text: string, context: CheckContext, signal?: AbortSignal) =>
  request<GuidelineCheckResult>('/api/v1/guidelines/check', {
    method: 'POST',
    body: { text, ...context },
    signal,
  });

/** Checks against rules that are not saved yet (the rules editor's "try a text"). */
export const tryPolicy = (policy: unknown, text: string, context: CheckContext, signal?: AbortSignal) =>
  request<GuidelineCheckResult>('/api/v1/guidelines/policy/try', {
    method: 'POST',
    body: { policy, text, ...context },
    signal,
  });

export const CHECK_DEBOUNCE_MS = 300;

export interface GuidelineCheck {
  /** The latest answer, kept while the next one is on its way, so highlights do not flicker. */
  result: GuidelineCheckResult | undefined;
  /** The text `result` belongs to: highlights are offsets into this one, which lags the input a little. */
  checkedText: string;
  /** Typing or waiting for the server. */
  checking: boolean;
  error: Error | null;
}

/**
 * Checks a text as it is typed: waits until typing pauses (~300 ms), then asks the server. The composer
 * and the rules editor both use it; with `draft`, the text is checked against those unsaved rules.
 */
export function useGuidelineCheck(
  text: string,
  context: CheckContext = {},
  options: { draft?: { key: string; policy: unknown }; enabled?: boolean } = {},
): GuidelineCheck {
  const { i18n } = useTranslation();
  const [debounced] = useDebouncedValue(text, CHECK_DEBOUNCE_MS);
  const draft = options.draft;
  const enabled = (options.enabled ?? true) && debounced.trim().length > 0;
  const query = useQuery({
    queryKey: queryKeys.guidelineCheck(debounced, context, i18n.language, draft?.key ?? null),
    queryFn: async ({ signal }) => ({
      text: debounced,
      result: draft
        ? await tryPolicy(draft.policy, debounced, context, signal)
        : await checkText(debounced, context, signal),
    }),
    enabled,
    placeholderData: keepPreviousData,
    // Every keystroke is a new key: keep only recent answers around.
    gcTime: 30_000,
    staleTime: 60_000,
    retry: false,
  });
  const data = enabled ? query.data : undefined;
  return {
    result: data?.result,
    checkedText: data?.text ?? '',
    checking: text !== debounced || query.isFetching,
    error: enabled ? query.error : null,
  };
}

export const fetchCurrentGuideline = () => request<CurrentGuideline>('/api/v1/guidelines/document');

export const acknowledgeGuideline = (version: number) =>
  request<{ version: number; acknowledgedAt: string }>('/api/v1/guidelines/document/acknowledgements', {
    method: 'POST',
    body: { version },
  });

export const fetchGuidelineVersions = () =>
  request<ItemList<GuidelineVersion>>('/api/v1/guidelines/document/versions');

export const fetchGuidelineVersion = (version: number) =>
  request<Guideline>(`/api/v1/guidelines/document/versions/${version}`);

export const publishGuideline = (input: GuidelineInput) =>
  request<Guideline>('/api/v1/guidelines/document/versions', { method: 'POST', body: input });

export const fetchPostingRights = () => request<PostingRights>('/api/v1/guidelines/posting-rights');

export const fetchPolicy = () => request<{ current: StoredPolicy | null }>('/api/v1/guidelines/policy');

export const fetchPolicyVersions = () =>
  request<ItemList<PolicyVersion>>('/api/v1/guidelines/policy/versions');

export const fetchPolicyVersion = (version: number) =>
  request<StoredPolicy>(`/api/v1/guidelines/policy/versions/${version}`);

export const savePolicy = (policy: unknown, note: string) =>
  request<PolicyVersion>('/api/v1/guidelines/policy', { method: 'PUT', body: { policy, note } });

export const fetchGuidelineTemplates = () => request<GuidelineTemplates>('/api/v1/guidelines/templates');
