import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Campaign, type CampaignInput, createCampaign, updateCampaign } from '../../../api/campaigns.ts';
import { fetchDepartments } from '../../../api/departments.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { type FieldErrors, formErrors } from '../../../components/form-errors.ts';
import { notifySuccess } from '../../../components/notify.ts';

const FIELDS = ['name', 'departmentId'] as const;

/** Creates a campaign, or renames the one given and changes its department. */
export function CampaignModal({ campaign, onClose }: { campaign: Campaign | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const departments = useQuery({ queryKey: queryKeys.departments, queryFn: fetchDepartments });
  const [name, setName] = useState(campaign?.name ?? '');
  const [departmentId, setDepartmentId] = useState<string | null>(campaign?.department?.id ?? null);
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});

  const mutation = useMutation({
    mutationFn: (input: CampaignInput) =>
      campaign
        ? updateCampaign(campaign.id, { ...input, archived: campaign.archived })
        : createCampaign(input),
    onSuccess: (_saved, input) => {
      notifySuccess(t('campaigns.saved', { name: input.name }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
      // Posts and calendar entries show the campaign's name.
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts });
      onClose();
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('validation.required') });
      return;
    }
    setErrors({});
    mutation.mutate({ name: name.trim(), departmentId });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={campaign ? t('campaigns.editTitle', { name: campaign.name }) : t('campaigns.createTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('campaigns.fields.name')}
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Select
            label={t('campaigns.fields.departmentOptional')}
            placeholder={t('campaigns.noDepartment')}
            data={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={departmentId}
            onChange={setDepartmentId}
            clearable
            searchable
            error={errors.departmentId}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {campaign ? t('common.save') : t('campaigns.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
