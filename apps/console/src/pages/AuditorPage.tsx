import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  Progress,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import DatePicker, { type DateObject } from 'react-multi-date-picker';
import TimePicker from 'react-multi-date-picker/plugins/time_picker';
import persian from 'react-date-object/calendars/persian';
import persianFa from 'react-date-object/locales/persian_fa';
import persianEn from 'react-date-object/locales/persian_en';
import { api, problemMessage } from '../api';
import { toAsciiDigits } from '../domain';
import { digits, groupedCode, jalali } from '../format';
import { useI18n, vocabulary } from '../i18n';
import { useSession } from '../session';
import { AuditorPersonalData, type MaskedCitizen } from './AuditorPersonalData';

interface HistoryEntry {
  eventId: string;
  revision: number;
  type: string;
  recordedAt: string;
  occurredAt: string | null;
  actor: { id: string; role: string } | null;
  hash: string;
  /** The event's data, national codes and mobiles masked (as the API gives it to auditors). */
  data?: { citizens?: MaskedCitizen[] };
}

interface RequestHistory {
  trackingCode: string;
  events: HistoryEntry[];
  verification: { ok: boolean; eventsChecked: number; brokenLink?: { revision: string; reason: string } };
}

interface StateAt {
  asOf: string;
  eventsApplied: number;
  registered: boolean;
  state: { status?: string; agencyCode?: string; [field: string]: unknown };
}

interface VerificationJob {
  id: string;
  status: 'running' | 'passed' | 'failed' | 'abandoned';
  total: number;
  checked: number;
  percent: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
  description: { en: string; fa: string } | null;
}

interface Checkpoint {
  sequence: number;
  treeSize: number;
  root: string;
  issuedAt: string;
  keyId: string;
}

interface Page<T> {
  items: T[];
  total: number;
}

const PAGE_SIZE = 10;

/** A long hash shown by its ends; the whole in the title. */
const shortHash = (hash: string) => (hash.length > 20 ? `${hash.slice(0, 10)}…${hash.slice(-8)}` : hash);

/** The auditor's screen (ADR 0030): a request's verified history, its state at a moment, the whole store. */
export function AuditorPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const token = session?.accessToken;
  const [input, setInput] = useState('');
  const [code, setCode] = useState<string>();
  const [asOf, setAsOf] = useState<DateObject | null>(null);
  const [jobId, setJobId] = useState<string>();
  const [checkpointPage, setCheckpointPage] = useState(1);
  const word = (key: string) => vocabulary[key]?.[lang] ?? key;

  const history = useQuery({
    queryKey: ['history', code],
    enabled: code !== undefined,
    queryFn: () => api<RequestHistory>('GET', `/api/requests/${code}/history`, { token }),
  });
  const asOfIso = asOf ? asOf.toDate().toISOString() : undefined;
  const stateAt = useQuery({
    queryKey: ['state', code, asOfIso],
    enabled: code !== undefined && asOfIso !== undefined,
    queryFn: () =>
      api<StateAt>('GET', `/api/requests/${code}/state?asOf=${encodeURIComponent(asOfIso ?? '')}`, {
        token,
      }),
  });
  const start = useMutation({
    mutationFn: () => api<VerificationJob>('POST', '/api/audit/verifications', { token }),
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useQuery({
    queryKey: ['verification', jobId],
    enabled: jobId !== undefined,
    queryFn: () => api<VerificationJob>('GET', `/api/audit/verifications/${jobId}`, { token }),
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'running' ? false : 1000),
  });
  const checkpoints = useQuery({
    queryKey: ['checkpoints', checkpointPage],
    queryFn: () =>
      api<Page<Checkpoint>>('GET', `/api/audit/checkpoints?page=${checkpointPage}&pageSize=${PAGE_SIZE}`, {
        token,
      }),
  });

  const running = job.data ?? start.data;
  const n = (value: number) => digits(value, lang);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t.auditTitle}
        </Typography.Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const typed = toAsciiDigits(input).replace(/\D/g, '');
            if (typed) setCode(typed);
          }}
        >
          <Space wrap>
            <label htmlFor="audit-code">{t.trackingCode}</label>
            <Input
              id="audit-code"
              data-testid="audit-code"
              value={input}
              onChange={(e) => setInput(e.target.value)}
              style={{ width: 200 }}
              inputMode="numeric"
            />
            <Button type="primary" htmlType="submit">
              {t.show}
            </Button>
          </Space>
        </form>
        {history.isError && (
          <Alert
            type="error"
            role="alert"
            style={{ marginTop: 16 }}
            message={problemMessage(history.error, lang)}
          />
        )}
        {history.data && (
          <div style={{ marginTop: 24 }} data-testid="audit-history">
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t.history} — {groupedCode(history.data.trackingCode, lang)}
            </Typography.Title>
            <Alert
              data-testid="chain-verification"
              type={history.data.verification.ok ? 'success' : 'error'}
              showIcon
              style={{ marginBottom: 16 }}
              message={`${history.data.verification.ok ? t.chainOk : t.chainBroken} (${n(
                history.data.verification.eventsChecked,
              )} ${t.eventsChecked})`}
              description={history.data.verification.brokenLink?.reason}
            />
            <Timeline
              items={history.data.events.map((event) => ({
                key: event.eventId,
                children: (
                  <div data-testid="history-event">
                    <Typography.Text strong>{event.type}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {jalali(event.occurredAt ?? event.recordedAt, lang)}
                    </Typography.Text>
                    <div>
                      {t.actor}: {event.actor ? `${event.actor.id} (${word(event.actor.role)})` : '—'}
                    </div>
                    <div>
                      {t.hash}:{' '}
                      <code dir="ltr" title={event.hash} data-testid="event-hash">
                        {shortHash(event.hash)}
                      </code>
                    </div>
                  </div>
                ),
              }))}
            />
            <Space wrap style={{ marginTop: 8 }}>
              <label htmlFor="as-of">{t.stateAsOf}</label>
              <DatePicker
                id="as-of"
                value={asOf}
                onChange={(value) => setAsOf((value as DateObject | null) ?? null)}
                calendar={persian}
                locale={lang === 'fa' ? persianFa : persianEn}
                format="YYYY/MM/DD HH:mm"
                plugins={[<TimePicker key="time" position="bottom" hideSeconds />]}
                calendarPosition={lang === 'fa' ? 'bottom-right' : 'bottom-left'}
                inputClass="ant-input"
              />
              {asOf && <Button onClick={() => setAsOf(null)}>{t.clear}</Button>}
            </Space>
            {stateAt.isError && (
              <Alert type="error" role="alert" message={problemMessage(stateAt.error, lang)} />
            )}
            {stateAt.data && (
              <Descriptions
                title={`${t.stateThen} (${jalali(stateAt.data.asOf, lang)})`}
                bordered
                size="small"
                column={1}
                style={{ marginTop: 16 }}
                items={[
                  {
                    key: 'status',
                    label: t.status,
                    children: stateAt.data.registered
                      ? word(String(stateAt.data.state.status))
                      : t.notRegisteredYet,
                  },
                  {
                    key: 'agency',
                    label: t.agency,
                    children: stateAt.data.state.agencyCode ?? '—',
                  },
                  { key: 'events', label: t.eventsApplied, children: n(stateAt.data.eventsApplied) },
                ]}
              />
            )}
            <AuditorPersonalData
              key={history.data.trackingCode}
              code={history.data.trackingCode}
              citizens={
                history.data.events.find((event) => event.type === 'RequestRegistered')?.data?.citizens ?? []
              }
            />
          </div>
        )}
      </Card>
      <Card>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t.verifyAll}
        </Typography.Title>
        <Button
          data-testid="verify-all"
          onClick={() => start.mutate()}
          loading={start.isPending || running?.status === 'running'}
        >
          {t.verifyAll}
        </Button>
        {start.isError && <Alert type="error" role="alert" message={problemMessage(start.error, lang)} />}
        {running && (
          <div style={{ marginTop: 16 }} data-testid="verification">
            <Progress
              percent={Math.floor(running.percent)}
              status={
                running.status === 'failed' ? 'exception' : running.status === 'passed' ? 'success' : 'active'
              }
              format={(p) => `${n(p ?? 0)}٪`}
              aria-label={t.verifying}
            />
            <Typography.Paragraph type="secondary">
              {n(running.checked)} / {n(running.total)} — {n(Math.round(running.eventsPerSecond))}{' '}
              {t.eventsPerSecond}
              {running.status === 'running' && running.etaSeconds !== null
                ? ` — ${t.eta}: ${n(Math.ceil(running.etaSeconds))} ${t.seconds}`
                : ''}
            </Typography.Paragraph>
            {running.status !== 'running' && (
              <Alert
                data-testid="verification-outcome"
                data-status={running.status}
                role="status"
                showIcon
                type={
                  running.status === 'passed' ? 'success' : running.status === 'failed' ? 'error' : 'warning'
                }
                message={
                  running.status === 'passed'
                    ? t.passed
                    : running.status === 'failed'
                      ? t.failed
                      : t.abandoned
                }
                description={running.description?.[lang]}
              />
            )}
          </div>
        )}
      </Card>
      <Card>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t.checkpoints}
        </Typography.Title>
        {checkpoints.isError && (
          <Alert type="error" role="alert" message={problemMessage(checkpoints.error, lang)} />
        )}
        <Table<Checkpoint>
          rowKey="sequence"
          size="small"
          loading={checkpoints.isLoading}
          dataSource={checkpoints.data?.items ?? []}
          locale={{ emptyText: t.empty }}
          pagination={{
            current: checkpointPage,
            pageSize: PAGE_SIZE,
            total: checkpoints.data?.total ?? 0,
            onChange: setCheckpointPage,
            showSizeChanger: false,
            hideOnSinglePage: true,
          }}
          columns={[
            { title: t.sequence, dataIndex: 'sequence', render: (v: number) => n(v) },
            { title: t.treeSize, dataIndex: 'treeSize', render: (v: number) => n(v) },
            { title: t.issuedAt, dataIndex: 'issuedAt', render: (v: string) => jalali(v, lang) },
            {
              title: t.root,
              dataIndex: 'root',
              render: (v: string) => (
                <code dir="ltr" title={v}>
                  {shortHash(v)}
                </code>
              ),
            },
            { title: t.keyId, dataIndex: 'keyId', render: (v: string) => <Tag>{v}</Tag> },
          ]}
        />
      </Card>
    </Space>
  );
}
