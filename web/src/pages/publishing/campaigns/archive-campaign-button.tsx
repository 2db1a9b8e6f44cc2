import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Campaign, updateCampaign } from '../../../api/campaigns.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { notifyError, notifySuccess } from '../../../components/notify.ts';

/** Archiving only hides the campaign from new posts and can be undone, so it does not ask first. */
export function ArchiveCampaignButton({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const archive = !campaign.archived;
  const mutation = useMutation({
    mutationFn: () =>
      updateCampaign(campaign.id, {
        name: campaign.name,
        departmentId: campaign.department?.id ?? null,
        archived: archive,
      }),
    onSuccess: () => {
      notifySuccess(
        t(archive ? 'campaigns.archivedDone' : 'campaigns.restoredDone', { name: campaign.name }),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
    },
    onError: (error) => {
      notifyError(error);
      void queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
    },
  });
  return (
    <Button
      size="xs"
      variant="light"
      color={archive ? 'orange' : 'blue'}
      loading={mutation.isPending}
      onClick={() => mutation.mutate()}
      aria-label={t(archive ? 'campaigns.archiveCampaign' : 'campaigns.restoreCampaign', {
        name: campaign.name,
      })}
    >
      {archive ? t('campaigns.archive') : t('campaigns.restore')}
    </Button>
  );
}
