import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, problemMessage } from '../api';
import { digits, groupedCode, jalali, timeLeft, toneColour } from '../format';
import { useI18n, vocabulary } from '../i18n';
import type { Inbox, InboxItem } from '../inbox';
import { useSession } from '../session';

/** The agency's own inbox: most critical first, then the oldest due; each row coloured by the time left. */
export function InboxPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const inbox = useQuery({
    queryKey: ['inbox', session?.agencyCode],
    queryFn: () => api<Inbox>('GET', '/api/agency/inbox?status=open', { token: session?.accessToken }),
    refetchInterval: 15_000,
  });

  const left = (item: InboxItem) => {
    const { hours, tone } = timeLeft(item.dueAt);
    const text =
      tone === 'overdue'
        ? t.overdue
        : hours < 48
          ? `${digits(hours, lang)} ${t.hours}`
          : `${digits(Math.floor(hours / 24), lang)} ${t.days}`;
    return (
      <Tag color={toneColour[tone]} data-tone={tone}>
        {text}
      </Tag>
    );
  };

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t.inboxTitle} {session?.agencyCode}
        </Typography.Title>
        <Button onClick={() => void inbox.refetch()} loading={inbox.isFetching}>
          {t.refresh}
        </Button>
      </Space>
      {inbox.isError && <Alert type="error" role="alert" message={problemMessage(inbox.error, lang)} />}
      <Table<InboxItem>
        rowKey="trackingCode"
        loading={inbox.isLoading}
        dataSource={inbox.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t.empty }}
        columns={[
          {
            title: t.trackingCode,
            dataIndex: 'trackingCode',
            render: (code: string) => (
              <Link to={`/agency/requests/${code}`} data-testid={`inbox-${code}`}>
                {groupedCode(code, lang)}
              </Link>
            ),
          },
          {
            title: t.priority,
            dataIndex: 'priority',
            render: (p: string) => (
              <Tag color={p === 'critical' ? '#a8071a' : p === 'urgent' ? '#ad4e00' : undefined}>
                {vocabulary[p]?.[lang] ?? p}
              </Tag>
            ),
          },
          {
            title: t.category,
            dataIndex: 'category',
            render: (c: InboxItem['category']) => (lang === 'fa' ? c.nameFa : c.nameEn),
          },
          {
            title: t.county,
            dataIndex: 'county',
            render: (c: InboxItem['county']) => (lang === 'fa' ? c.nameFa : c.nameEn),
          },
          { title: t.status, dataIndex: 'status', render: (s: string) => vocabulary[s]?.[lang] ?? s },
          { title: t.due, dataIndex: 'dueAt', render: (d: string) => jalali(d, lang) },
          { title: t.timeLeft, key: 'left', render: (_: unknown, item) => left(item) },
        ]}
      />
    </Card>
  );
}
