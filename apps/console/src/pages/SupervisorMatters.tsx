import { useState } from 'react';
import { Alert, Button, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { groupedCode, jalali } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useNames, type Page } from './SupervisorLists';

interface MatterRequest {
  trackingCode: string;
  status: string;
}

interface Matter {
  matterId: string;
  linkedAt: string;
  status: 'open' | 'answered';
  requestCount: number;
  answeredCount: number;
  requests: MatterRequest[];
}

const PAGE_SIZE = 10;

/**
 * Collective matters, newest first (GET /api/requests/matters). The list follows Kafka: after a link it is
 * fetched again every second until the new matter (`awaiting`) is in it with every request linked: intake
 * learns of each request's link from that request's own event, so they arrive one by one.
 */
export function MattersList({
  awaiting,
  onExamine,
}: {
  awaiting?: { matterId: string; requestCount: number };
  onExamine: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { word, n } = useNames();
  const [page, setPage] = useState(1);
  const matters = useQuery({
    queryKey: ['matters', page],
    queryFn: () =>
      api<Page<Matter>>('GET', `/api/requests/matters?page=${page}&pageSize=${PAGE_SIZE}`, {
        token: session?.accessToken,
      }),
    refetchInterval: (query) =>
      awaiting &&
      page === 1 &&
      !query.state.data?.items.some(
        (m) => m.matterId === awaiting.matterId && m.requests.length >= awaiting.requestCount,
      )
        ? 1000
        : false,
  });
  return (
    <div data-testid="matters-table">
      {matters.isError && <Alert type="error" role="alert" message={problemMessage(matters.error, lang)} />}
      <Table<Matter>
        rowKey="matterId"
        size="small"
        loading={matters.isLoading}
        dataSource={matters.data?.items ?? []}
        locale={{ emptyText: t.empty }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: matters.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        columns={[
          { title: t.linkedAt, dataIndex: 'linkedAt', render: (d: string) => jalali(d, lang) },
          {
            title: t.status,
            dataIndex: 'status',
            render: (status: string, row) =>
              `${status === 'open' ? t.matterOpen : word('answered')} (${n(row.answeredCount)}/${n(row.requestCount)})`,
          },
          {
            title: t.trackingCode,
            dataIndex: 'requests',
            render: (requests: MatterRequest[]) => (
              <Space wrap>
                {requests.map((r) => (
                  <Button
                    key={r.trackingCode}
                    size="small"
                    type="link"
                    title={t.examine}
                    onClick={() => onExamine(r.trackingCode)}
                  >
                    {groupedCode(r.trackingCode, lang)} <Tag>{word(r.status)}</Tag>
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
