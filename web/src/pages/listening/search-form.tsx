import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { checkQuery, createSearch, type SavedSearch, updateSearch } from '../../api/listening.ts';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { notifySuccess } from '../../components/notify.ts';

const FIELDS = ['name', 'query', 'language'] as const;

const asLanguage = (v: string | null): 'de' | 'en' | null => (v === 'de' ? 'de' : v === 'en' ? 'en' : null);

/** Creates or edits a saved search; the query is checked by the server while it is typed. */
export function SearchForm({ search, onDone }: { search?: SavedSearch; onDone: (s: SavedSearch) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(search?.name ?? '');
  const [query, setQuery] = useState(search?.query ?? '');
  const [language, setLanguage] = useState<string | null>(search?.language ?? null);
  const [debounced, setDebounced] = useState(query);
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 300);
    return () => clearTimeout(timer);
  }, [query]);
  const check = useQuery({
    queryKey: ['listening', 'query-check', debounced],
    queryFn: () => checkQuery(debounced),
    enabled: debounced.trim() !== '',
    retry: false,
  });
  const queryProblem = check.error instanceof ApiError ? check.error.problem.detail : null;

  const save = useMutation({
    mutationFn: () => {
      const input = {
        name: name.trim(),
        query,
        language: asLanguage(language),
        channelIds: search?.channelIds ?? [],
        active: search?.active ?? true,
      };
      return search ? updateSearch(search.id, input) : createSearch(input);
    },
    onSuccess: (saved) => {
      notifySuccess(t('listening.saved', { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: ['listening'] });
      onDone(saved);
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('listening.name')}
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <Textarea
          label={t('listening.query')}
          description={t('listening.queryHelp')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          error={errors.query ?? queryProblem}
          data-testid="listening-query"
        />
        {check.isSuccess && debounced === query && (
          <Text size="sm" c="teal" role="status">
            {t('listening.queryOk', { count: check.data.clauses.length })}
          </Text>
        )}
        <Select
          label={t('listening.language')}
          data={[
            { value: 'de', label: t('listening.languages.de') },
            { value: 'en', label: t('listening.languages.en') },
          ]}
          value={language}
          onChange={setLanguage}
          clearable
          placeholder={t('listening.languages.any')}
          error={errors.language}
        />
        {save.error && !(save.error instanceof ApiError && save.error.problem.errors?.length) && (
          <Alert color="red">{save.error.message}</Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('listening.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
