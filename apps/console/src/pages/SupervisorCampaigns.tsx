import { Alert, Button, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { jalaliDay } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import type { Named } from './SupervisorLists';

interface Campaign {
  id: string;
  name: string;
  countyCodes: string[];
  startsOn: string;
  endsOn: string;
  targetOn: string;
  status: 'open' | 'closed';
}

/** Provincial-trip campaigns, newest first (GET /api/campaigns); choosing one opens its board. */
export function CampaignList({
  current,
  onOpen,
}: {
  current?: string;
  onOpen: (campaign: { id: string; name: string }) => void;
}) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const campaigns = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => api<{ items: Campaign[] }>('GET', '/api/campaigns', { token: session?.accessToken }),
  });
  const catalog = useQuery({
    queryKey: ['catalog'],
    queryFn: () => api<{ counties: Named[] }>('GET', '/api/catalog', { token: session?.accessToken }),
    staleTime: 600_000,
  });
  const county = (code: string) => {
    const named = catalog.data?.counties.find((c) => c.code === code);
    return named ? (lang === 'fa' ? named.nameFa : named.nameEn) : code;
  };
  return (
    <div data-testid="campaign-list" style={{ marginBottom: 24 }}>
      {campaigns.isError && (
        <Alert type="error" role="alert" message={problemMessage(campaigns.error, lang)} />
      )}
      <Table<Campaign>
        rowKey="id"
        size="small"
        // Rows wait for the counties' names too (codes only if the catalog cannot be had), so none flickers.
        loading={campaigns.isLoading || catalog.isLoading}
        dataSource={catalog.isLoading ? [] : (campaigns.data?.items ?? [])}
        locale={{ emptyText: t.empty }}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        rowClassName={(row) => (row.id === current ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: t.campaignName,
            dataIndex: 'name',
            render: (name: string, row) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(row)}>
                {name}
              </Button>
            ),
          },
          {
            title: t.county,
            dataIndex: 'countyCodes',
            render: (codes: string[]) => codes.map(county).join(lang === 'fa' ? '، ' : ', '),
          },
          {
            title: t.tripDays,
            key: 'days',
            render: (_: unknown, row) =>
              row.startsOn === row.endsOn
                ? jalaliDay(row.startsOn, lang)
                : `${jalaliDay(row.startsOn, lang)} — ${jalaliDay(row.endsOn, lang)}`,
          },
          { title: t.campaignTarget, dataIndex: 'targetOn', render: (d: string) => jalaliDay(d, lang) },
          {
            title: t.status,
            dataIndex: 'status',
            render: (status: string) => (
              <Tag>{status === 'open' ? t.campaignOpenStatus : t.campaignClosedStatus}</Tag>
            ),
          },
        ]}
      />
    </div>
  );
}
