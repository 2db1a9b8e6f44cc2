import {
  Alert,
  Anchor,
  Button,
  Card,
  FileButton,
  Grid,
  Group,
  List,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fetchChannels } from '../../api/channels.ts';
import { queryKeys } from '../../api/query-keys.ts';
import {
  fetchRequest,
  type RequestDetail,
  turnIntoPost,
  uploadRequestAttachment,
} from '../../api/requests.ts';
import { useDateTime } from '../../components/date-format.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../../session/session-context.ts';
import { RequestPriorityBadge, RequestStatusBadge, useDueDate } from './request-badges.tsx';
import { RequestHistory } from './request-history.tsx';
import { RequestThread } from './request-thread.tsx';
import { RequestTriage } from './request-triage.tsx';

const closed = (r: RequestDetail) => r.status === 'done' || r.status === 'declined';
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** What the requester asked for, by type. Everything is text: nothing a colleague typed is run as markup. */
function TypeFields({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const formatDay = useDueDate();
  const channels = useQuery({
    queryKey: queryKeys.channels,
    queryFn: fetchChannels,
    enabled: request.type === 'posting',
  });
  const f = request.fields;
  const rows: [string, string][] = [];
  if (request.type === 'research') {
    rows.push([t('requests.fields.topic'), str(f.topic) ?? '']);
    const keywords = Array.isArray(f.keywords) ? f.keywords.filter((k) => typeof k === 'string') : [];
    rows.push([t('requests.fields.keywords'), keywords.join(', ') || t('common.none')]);
    rows.push([
      t('requests.fields.period'),
      `${formatDay(str(f.periodFrom))} – ${formatDay(str(f.periodTo))}`,
    ]);
  } else if (request.type === 'posting') {
    rows.push([t('requests.fields.content'), str(f.content) ?? '']);
    const ids = Array.isArray(f.channelIds) ? f.channelIds : [];
    const names = (channels.data?.items ?? []).filter((c) => ids.includes(c.id)).map((c) => c.name);
    rows.push([t('requests.fields.channels'), names.join(', ') || t('common.none')]);
    rows.push([t('requests.fields.desiredDate'), formatDay(str(f.desiredDate))]);
    rows.push([t('requests.fields.link'), str(f.link) ?? t('common.none')]);
  } else {
    rows.push([t('requests.fields.question'), str(f.question) ?? '']);
  }
  return (
    <Table variant="vertical" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={180}>{label}</Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Attachments({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => uploadRequestAttachment(request.id, file),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.request(request.id) }),
    onError: notifyError,
  });
  return (
    <Stack component="section" aria-labelledby="attachments-heading" gap="xs">
      <Title order={2} size="h4" id="attachments-heading">
        {t('requests.attachments.title')}
      </Title>
      {request.attachments.length === 0 ? (
        <Text c="dimmed">{t('requests.attachments.empty')}</Text>
      ) : (
        <List>
          {request.attachments.map((a) => (
            <List.Item key={a.id}>
              <Anchor href={a.url} target="_blank" rel="noopener noreferrer">
                {a.filename}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                ({Math.max(1, Math.round(a.sizeBytes / 1024))} KB)
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {!closed(request) && (
        <FileButton
          onChange={(file) => file && upload.mutate(file)}
          accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
        >
          {(props) => (
            <Button {...props} variant="default" size="xs" w="fit-content" loading={upload.isPending}>
              {t('requests.attachments.add')}
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}

export function RequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formatDateTime = useDateTime();
  const formatDay = useDueDate();
  const team = useCan('requests.handle');
  const canWritePosts = useCan('posts.write');
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.request(id), queryFn: () => fetchRequest(id) });
  const toPost = useMutation({
    mutationFn: () => turnIntoPost(id),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.request(id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests });
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts });
      notifySuccess(t('requests.actions.postCreated'));
      if (updated.postId) void navigate(`/publishing/posts/${updated.postId}`);
    },
    onError: notifyError,
  });

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  const r = query.data;

  return (
    <Stack>
      <PageHeader
        title={r.title}
        description={
          <Group gap="xs" component="span">
            <RequestStatusBadge status={r.status} />
            <RequestPriorityBadge priority={r.priority} />
            <Text span size="sm">
              {t(`requests.types.${r.type}`)}
            </Text>
          </Group>
        }
        actions={
          <>
            {team && canWritePosts && r.type === 'posting' && !r.postId && !closed(r) && (
              <Button onClick={() => toPost.mutate()} loading={toPost.isPending}>
                {t('requests.actions.turnIntoPost')}
              </Button>
            )}
            {r.postId && team && (
              <Button component={Link} to={`/publishing/posts/${r.postId}`} variant="default">
                {t('requests.actions.openPost')}
              </Button>
            )}
            <Button component={Link} to="/requests" variant="subtle">
              {t('requests.back')}
            </Button>
          </>
        }
      />
      {r.status === 'declined' && r.declineReason && (
        <Alert color="gray" title={t('requests.declinedTitle')}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{r.declineReason}</Text>
        </Alert>
      )}
      {r.postId && !team && <Alert color="green">{t('requests.postMade')}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Card withBorder padding="md">
              <Stack gap="xs">
                <Text size="sm">
                  {t('requests.meta', {
                    requester: r.requester?.name ?? '',
                    created: formatDateTime(r.createdAt),
                  })}
                </Text>
                <Text size="sm">
                  {t('requests.columns.due')}: {formatDay(r.dueDate)} · {t('requests.form.department')}:{' '}
                  {r.department?.name ?? t('common.none')} · {t('requests.columns.assignee')}:{' '}
                  {r.assignee?.name ?? t('requests.unassigned')}
                </Text>
                {r.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{r.description}</Text>}
              </Stack>
            </Card>
            <TypeFields request={r} />
            <Attachments request={r} />
            <RequestThread request={r} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            {team && <RequestTriage key={`${r.id}-${r.updatedAt}`} request={r} />}
            <RequestHistory request={r} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
