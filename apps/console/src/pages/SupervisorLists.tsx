import { useState } from 'react';
import { Alert, App as AntApp, Button, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { digits, groupedCode, jalali } from '../format';
import { useI18n, vocabulary } from '../i18n';
import { useSession } from '../session';

export interface Named {
  code: string;
  nameFa: string;
  nameEn: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

interface OverdueItem {
  trackingCode: string;
  agency: Named;
  county: Named;
  category: Named;
  status: string;
  dueAt: string;
  daysOverdue: number;
  escalationLevel: number;
}

interface EscalationItem {
  trackingCode: string;
  agency: Named | null;
  county: Named;
  category: Named;
  status: string;
  level: number;
  escalatedTo: 'agency_manager' | 'governor_inspection_office';
  escalatedAt: string;
}

interface QueueItem {
  trackingCode: string;
  category: Named;
  county: Named;
  reason: string;
  since: string;
}

const PAGE_SIZE = 10;

/** One page of a paged list endpoint, the page number kept here and the total from the server. */
export function usePaged<T>(key: string, path: string) {
  const { session } = useSession();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: [key, page],
    queryFn: () =>
      api<Page<T>>('GET', `${path}?page=${page}&pageSize=${PAGE_SIZE}`, { token: session?.accessToken }),
  });
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: query.data?.total ?? 0,
    onChange: setPage,
    showSizeChanger: false,
    hideOnSinglePage: true,
  };
  return { query, pagination };
}

export function useNames() {
  const { lang } = useI18n();
  return {
    name: (named: Named | null | undefined) => (named ? (lang === 'fa' ? named.nameFa : named.nameEn) : '—'),
    word: (key: string) => vocabulary[key]?.[lang] ?? key,
    n: (value: number) => digits(value, lang),
  };
}

/** Open requests past their due date, most overdue first (GET /api/reports/overdue). */
export function OverdueTable() {
  const { t, lang } = useI18n();
  const { name, word, n } = useNames();
  const { query, pagination } = usePaged<OverdueItem>('overdue', '/api/reports/overdue');
  return (
    <div data-testid="overdue-table">
      {query.isError && <Alert type="error" role="alert" message={problemMessage(query.error, lang)} />}
      <Table<OverdueItem>
        rowKey="trackingCode"
        size="small"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        pagination={pagination}
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.trackingCode, dataIndex: 'trackingCode', render: (c: string) => groupedCode(c, lang) },
          { title: t.agency, dataIndex: 'agency', render: name },
          { title: t.county, dataIndex: 'county', render: name },
          { title: t.category, dataIndex: 'category', render: name },
          { title: t.status, dataIndex: 'status', render: word },
          { title: t.due, dataIndex: 'dueAt', render: (d: string) => jalali(d, lang) },
          {
            title: t.daysOverdue,
            dataIndex: 'daysOverdue',
            render: (d: number) => <Tag color="#a8071a">{n(d)}</Tag>,
          },
        ]}
      />
    </div>
  );
}

/** Requests escalated after a missed deadline (GET /api/reports/escalations). */
export function EscalationsTable() {
  const { t, lang } = useI18n();
  const { name, word, n } = useNames();
  const { query, pagination } = usePaged<EscalationItem>('escalations', '/api/reports/escalations');
  return (
    <div data-testid="escalations-table">
      {query.isError && <Alert type="error" role="alert" message={problemMessage(query.error, lang)} />}
      <Table<EscalationItem>
        rowKey={(row) => `${row.trackingCode}-${row.level}`}
        size="small"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        pagination={pagination}
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.trackingCode, dataIndex: 'trackingCode', render: (c: string) => groupedCode(c, lang) },
          { title: t.agency, dataIndex: 'agency', render: name },
          { title: t.county, dataIndex: 'county', render: name },
          { title: t.status, dataIndex: 'status', render: word },
          {
            title: t.level,
            dataIndex: 'level',
            render: (level: number, row) =>
              `${n(level)} — ${row.escalatedTo === 'governor_inspection_office' ? t.inspectionOffice : t.agencyManager}`,
          },
          { title: t.escalatedAt, dataIndex: 'escalatedAt', render: (d: string) => jalali(d, lang) },
        ]}
      />
    </div>
  );
}

/** The agency chooser and button of one queued request. */
function RouteAction({ code, agencies }: { code: string; agencies: Named[] }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [agencyCode, setAgencyCode] = useState<string>();
  const route = useMutation({
    mutationFn: () =>
      api('POST', `/api/routing/requests/${code}/route`, {
        token: session?.accessToken,
        body: { agencyCode },
      }),
    onSuccess: () => {
      void message.success(t.routed);
      void queryClient.invalidateQueries({ queryKey: ['manual-queue'] });
    },
    onError: (error) => void message.error(problemMessage(error, lang)),
  });
  return (
    <Space>
      <Select
        aria-label={`${t.chooseAgency} ${code}`}
        placeholder={t.chooseAgency}
        value={agencyCode}
        onChange={setAgencyCode}
        style={{ width: 220 }}
        options={agencies.map((a) => ({ value: a.code, label: lang === 'fa' ? a.nameFa : a.nameEn }))}
      />
      <Button type="primary" disabled={!agencyCode} loading={route.isPending} onClick={() => route.mutate()}>
        {t.routeTo}
      </Button>
    </Space>
  );
}

/** Requests the rules could not route, oldest first, each with a "route to agency" action. */
export function ManualQueueTable() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { name } = useNames();
  const { query, pagination } = usePaged<QueueItem>('manual-queue', '/api/routing/manual-queue');
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: () => api<{ items: Named[] }>('GET', '/api/routing/agencies', { token: session?.accessToken }),
    staleTime: 600_000,
  });
  // The API writes "فارسی (English)": the half in the screen's language.
  const reason = (text: string) => {
    const gloss = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text);
    return gloss ? (lang === 'fa' ? gloss[1] : gloss[2]) : text;
  };
  return (
    <div data-testid="manual-queue-table">
      {query.isError && <Alert type="error" role="alert" message={problemMessage(query.error, lang)} />}
      <Table<QueueItem>
        rowKey="trackingCode"
        size="small"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        pagination={pagination}
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.trackingCode, dataIndex: 'trackingCode', render: (c: string) => groupedCode(c, lang) },
          { title: t.category, dataIndex: 'category', render: name },
          { title: t.county, dataIndex: 'county', render: name },
          { title: t.reason, dataIndex: 'reason', render: reason },
          { title: t.since, dataIndex: 'since', render: (d: string) => jalali(d, lang) },
          {
            title: t.routeTo,
            key: 'route',
            render: (_: unknown, row) => (
              <RouteAction code={row.trackingCode} agencies={agencies.data?.items ?? []} />
            ),
          },
        ]}
      />
    </div>
  );
}
