import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDepartment, updateDepartment } from '../../../api/departments.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import type { Department, DepartmentInput } from '../../../api/types.ts';
import { type FieldErrors, formErrors } from '../../../components/form-errors.ts';
import { notifySuccess } from '../../../components/notify.ts';

const FIELDS = ['name', 'description'] as const;

/** Creates a department, or edits the one given; mounted per use, so its fields start from that one. */
export function DepartmentModal({
  department,
  onClose,
}: {
  department: Department | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(department?.name ?? '');
  const [description, setDescription] = useState(department?.description ?? '');
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});

  const mutation = useMutation({
    mutationFn: (input: DepartmentInput) =>
      department ? updateDepartment(department.id, input) : createDepartment(input),
    onSuccess: (_saved, input) => {
      notifySuccess(t('departments.saved', { name: input.name }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
      // User rows show department names.
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
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
    mutation.mutate({ name: name.trim(), description: description.trim() });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        department ? t('departments.editTitle', { name: department.name }) : t('departments.createTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('departments.fields.name')}
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Textarea
            label={t('departments.fields.descriptionOptional')}
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {department ? t('common.save') : t('departments.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
