import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { XLSX_TYPE, downloadFile } from '../download';
import { digits, jalali } from '../format';
import { showFieldProblems } from '../formProblems';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { ScorecardTrend, type MonthTrend } from './ScorecardTrend';
import { CampaignList } from './SupervisorCampaigns';

interface ScorecardLine {
  rank: number;
  agencyCode: string;
  nameFa: string;
  nameEn: string;
  received: number;
  answered: number;
  answeredOnTimeRate: number | null;
  deadlinesMissed: number;
}

interface Scorecards {
  period: { fromJalali: string; toJalali: string };
  byAgency: ScorecardLine[];
  trend: MonthTrend[];
}

interface BoardLine {
  agencyCode: string | null;
  agencyNameFa: string;
  countyCode: string;
  countyNameFa: string;
  received: number;
  answered: number;
  answeredBeforeTarget: number;
  overdue: number;
  escalated: number;
}

interface Board {
  campaignId: string;
  campaignName: string | null;
  targetAt: string | null;
  lines: BoardLine[];
}

const FORMATS = [
  { format: 'csv', accept: 'text/csv' },
  { format: 'xlsx', accept: XLSX_TYPE },
] as const;

/** CSV and XLSX buttons for one report; a refusal goes beside the form's field when it names one. */
function DownloadButtons({
  path,
  name,
  onError,
}: {
  path: string;
  name: string;
  onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string>();
  return (
    <Space>
      {FORMATS.map(({ format, accept }) => (
        <Button
          key={format}
          data-testid={`download-${name}-${format}`}
          loading={busy === format}
          onClick={() => {
            setBusy(format);
            const separator = path.includes('?') ? '&' : '?';
            downloadFile(`${path}${separator}format=${format}`, accept, `${name}.${format}`)
              .catch(onError)
              .finally(() => setBusy(undefined));
          }}
        >
          {format === 'csv' ? t.downloadCsv : t.downloadXlsx}
        </Button>
      ))}
    </Space>
  );
}

/** Agencies ranked for a Jalali month (GET /api/reports/scorecards), with CSV and XLSX downloads. */
export function ScorecardsPanel() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ month?: string }>();
  const [month, setMonth] = useState('');
  const path = `/api/reports/scorecards${month ? `?month=${encodeURIComponent(month)}` : ''}`;
  const scorecards = useQuery({
    queryKey: ['scorecards', month],
    queryFn: () => api<Scorecards>('GET', path, { token: session?.accessToken }),
    retry: false,
  });
  const failed = (error: unknown) => {
    if (!showFieldProblems(form, error, lang, ['month'])) void message.error(problemMessage(error, lang));
  };
  const n = (value: number) => digits(value, lang);
  return (
    <div data-testid="scorecards-panel">
      <Form
        form={form}
        layout="inline"
        requiredMark={false}
        onFinish={(values) => {
          form.setFields([{ name: 'month', errors: [] }]);
          setMonth((values.month ?? '').trim());
        }}
      >
        <Form.Item label={t.jalaliMonth} name="month" extra={t.jalaliMonthHint}>
          <Input placeholder={digits('1405-09', lang)} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t.showReport}</Button>
        </Form.Item>
        <Form.Item>
          <DownloadButtons path={path} name="scorecards" onError={failed} />
        </Form.Item>
      </Form>
      {scorecards.isError && (
        <Alert type="error" role="alert" message={problemMessage(scorecards.error, lang)} />
      )}
      {scorecards.data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {digits(`${scorecards.data.period.fromJalali} — ${scorecards.data.period.toJalali}`, lang)}
        </Typography.Paragraph>
      )}
      <Table<ScorecardLine>
        rowKey="agencyCode"
        size="small"
        loading={scorecards.isLoading}
        dataSource={scorecards.data?.byAgency ?? []}
        pagination={false}
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.rank, dataIndex: 'rank', render: n },
          { title: t.agency, key: 'name', render: (_: unknown, r) => (lang === 'fa' ? r.nameFa : r.nameEn) },
          { title: t.receivedCount, dataIndex: 'received', render: n },
          { title: t.answeredCount, dataIndex: 'answered', render: n },
          {
            title: t.onTimeRate,
            dataIndex: 'answeredOnTimeRate',
            render: (rate: number | null) => (rate === null ? '—' : `${n(Math.round(rate * 100))}٪`),
          },
          { title: t.deadlinesMissed, dataIndex: 'deadlinesMissed', render: n },
        ]}
      />
      <ScorecardTrend trend={scorecards.data?.trend} />
    </div>
  );
}

/** Provincial-trip campaigns listed; one's board (GET /api/reports/campaigns/{id}/board), with downloads. */
export function CampaignBoardPanel() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ campaignId?: string }>();
  const [campaignId, setCampaignId] = useState('');
  // Names from the campaign list: the board names a campaign only once one of its letters is reported.
  const [listedNames, setListedNames] = useState<Record<string, string>>({});
  const path = `/api/reports/campaigns/${encodeURIComponent(campaignId)}/board`;
  const board = useQuery({
    queryKey: ['campaign-board', campaignId],
    enabled: campaignId !== '',
    queryFn: () => api<Board>('GET', path, { token: session?.accessToken }),
  });
  const n = (value: number) => digits(value, lang);
  return (
    <div data-testid="campaign-board-panel">
      <CampaignList
        current={campaignId}
        onOpen={(campaign) => {
          form.setFieldsValue({ campaignId: campaign.id });
          setCampaignId(campaign.id);
          setListedNames((names) => ({ ...names, [campaign.id]: campaign.name }));
        }}
      />
      <Form
        form={form}
        layout="inline"
        requiredMark={false}
        onFinish={(values) => setCampaignId((values.campaignId ?? '').trim())}
      >
        <Form.Item label={t.campaignId} name="campaignId">
          <Input style={{ width: 340 }} dir="ltr" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t.showReport}</Button>
        </Form.Item>
        {campaignId && (
          <Form.Item>
            <DownloadButtons
              path={path}
              name={`campaign-${campaignId}`}
              onError={(e) => void message.error(problemMessage(e, lang))}
            />
          </Form.Item>
        )}
      </Form>
      {board.isError && <Alert type="error" role="alert" message={problemMessage(board.error, lang)} />}
      {board.data && (
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
          {board.data.campaignName ?? listedNames[board.data.campaignId] ?? board.data.campaignId}
          {board.data.targetAt && ` — ${t.campaignTarget} ${jalali(board.data.targetAt, lang)}`}
        </Typography.Title>
      )}
      {campaignId && (
        <Table<BoardLine>
          data-testid="campaign-board-table"
          rowKey={(r) => `${r.agencyCode ?? '-'}-${r.countyCode}`}
          size="small"
          loading={board.isLoading}
          dataSource={board.data?.lines ?? []}
          pagination={false}
          locale={{ emptyText: t.empty }}
          columns={[
            {
              title: t.agency,
              key: 'agency',
              render: (_: unknown, r) => (lang === 'fa' ? r.agencyNameFa : (r.agencyCode ?? '—')),
            },
            {
              title: t.county,
              key: 'county',
              render: (_: unknown, r) => (lang === 'fa' ? r.countyNameFa : r.countyCode),
            },
            { title: t.receivedCount, dataIndex: 'received', render: n },
            { title: t.answeredCount, dataIndex: 'answered', render: n },
            { title: t.answeredBeforeTarget, dataIndex: 'answeredBeforeTarget', render: n },
            { title: t.overdue, dataIndex: 'overdue', render: n },
            { title: t.escalatedCount, dataIndex: 'escalated', render: n },
          ]}
        />
      )}
    </div>
  );
}
