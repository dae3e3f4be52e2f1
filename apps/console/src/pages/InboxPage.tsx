import { useState } from 'react';
import { Alert, App, Badge, Button, Card, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import DatePicker, { type DateObject } from 'react-multi-date-picker';
import persian from 'react-date-object/calendars/persian';
import persianFa from 'react-date-object/locales/persian_fa';
import persianEn from 'react-date-object/locales/persian_en';
import { Link } from 'react-router-dom';
import { api, problemMessage } from '../api';
import { normalizePersianText, toAsciiDigits } from '../domain';
import { digits, groupedCode, jalali, timeLeft, toneColour } from '../format';
import { useI18n, vocabulary } from '../i18n';
import type { Inbox, InboxItem } from '../inbox';
import { useSession } from '../session';
import { liveNotice, useInboxLive } from '../inboxLive';

const PAGE_SIZE = 20;

/** The agency's own inbox: most critical first, then the oldest due; each row coloured by the time left. */
export function InboxPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { message } = App.useApp();
  // The inbox, live (ADR 44): every change refetches its row; arrivals and departures are said briefly.
  const live = useInboxLive((change) => {
    const content = liveNotice(change, t, lang);
    if (content) void message.info({ duration: 10, content });
  });
  const [status, setStatus] = useState<'open' | 'answered' | 'all'>('open');
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [dueBy, setDueBy] = useState<DateObject | null>(null);
  // Search as typed, any digits and ی/ک; and "due by" a Jalali day (end of that day, Tehran).
  const fold = (text: string) => normalizePersianText(toAsciiDigits(text)).toLowerCase();
  const folded = fold(search);
  // A tracking code as read aloud (۴۹۳-۹۱۴-۶۵۷۶) is searched without its dashes.
  const wanted = /^[\d\s-]+$/.test(folded) ? folded.replace(/[\s-]/g, '') : folded;
  // A whole tracking code is looked up by the server, whatever its status and however long the inbox.
  const code = /^\d{10}$/.test(wanted) ? wanted : undefined;
  const inbox = useQuery({
    queryKey: ['inbox', session?.agencyCode, status, code, page],
    queryFn: () =>
      api<Inbox>(
        'GET',
        code
          ? `/api/agency/inbox?status=all&trackingCode=${code}`
          : `/api/agency/inbox?status=${status}&page=${page}&pageSize=${PAGE_SIZE}`,
        { token: session?.accessToken },
      ),
    // Live, every change arrives as it happens; without the stream, the inbox is polled.
    refetchInterval: live ? false : 15_000,
  });
  const dueLimit = dueBy ? dueBy.toDate().setHours(23, 59, 59, 999) : undefined;
  const items = (inbox.data?.items ?? []).filter(
    (item) =>
      (dueLimit === undefined || new Date(item.dueAt).getTime() <= dueLimit) &&
      (wanted === '' ||
        fold(
          [
            item.trackingCode,
            item.category.nameFa,
            item.category.nameEn,
            item.county.nameFa,
            item.description,
          ].join(' '),
        ).includes(wanted)),
  );

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
        <Space>
          <Badge
            status={live ? 'processing' : 'default'}
            text={live ? t.liveOn : t.liveOff}
            data-testid="inbox-live"
            data-live={live ? 'yes' : 'no'}
          />
          <Button onClick={() => void inbox.refetch()} loading={inbox.isFetching}>
            {t.refresh}
          </Button>
        </Space>
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={status}
          onChange={(value) => {
            setStatus(value as typeof status);
            setPage(1);
          }}
          options={[
            { value: 'open', label: t.filterOpen },
            { value: 'answered', label: t.filterAnswered },
            { value: 'all', label: t.filterAll },
          ]}
        />
        <Input
          allowClear
          placeholder={t.search}
          aria-label={t.search}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 240 }}
        />
        <label htmlFor="due-by">{t.dueBy}</label>
        <DatePicker
          id="due-by"
          value={dueBy}
          onChange={(value) => setDueBy((value as DateObject | null) ?? null)}
          calendar={persian}
          locale={lang === 'fa' ? persianFa : persianEn}
          calendarPosition={lang === 'fa' ? 'bottom-right' : 'bottom-left'}
          inputClass="ant-input"
        />
        {dueBy && <Button onClick={() => setDueBy(null)}>{t.clear}</Button>}
      </Space>
      {inbox.isError && <Alert type="error" role="alert" message={problemMessage(inbox.error, lang)} />}
      <Table<InboxItem>
        rowKey="trackingCode"
        loading={inbox.isLoading}
        dataSource={items}
        // The server's pages; the search box and the date narrow the page shown (a whole code asks the server).
        pagination={{
          current: code ? 1 : page,
          pageSize: PAGE_SIZE,
          total: code ? items.length : (inbox.data?.total ?? 0),
          onChange: setPage,
          hideOnSinglePage: true,
          showSizeChanger: false,
        }}
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
