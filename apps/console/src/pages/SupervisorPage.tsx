import { Alert, Card, Col, Row, Statistic, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { api, problemMessage } from '../api';
import { digits, jalali } from '../format';
import { useI18n, vocabulary } from '../i18n';
import { useSession } from '../session';
import { ExtensionRequestsTable } from './SupervisorExtensions';
import { EscalationsTable, ManualQueueTable, OverdueTable } from './SupervisorLists';
import { DuplicatesPanel } from './SupervisorDuplicates';
import { CampaignBoardPanel, ScorecardsPanel } from './SupervisorReports';

// Only what the dashboard draws: bars, a pie, SVG (readable by assistive technology with the aria component).
echarts.use([
  BarChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);

interface AgencyRow {
  agencyCode: string;
  nameFa: string;
  nameEn: string;
  total: number;
  open: number;
  answered: number;
  overdue: number;
  answeredOnTimeRate: number | null;
}

interface Summary {
  asOf: string;
  total: number;
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  byAgency: AgencyRow[];
  timeToAnswer: { answered: number; answeredOnTimeRate: number | null; meanHours: number | null };
}

const percent = (rate: number | null | undefined): number | undefined =>
  rate === null || rate === undefined ? undefined : Math.round(rate * 100);

/** The governor's office: the province's figures and each agency's on-time rate (GET /api/reports/summary). */
export default function SupervisorPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const summary = useQuery({
    queryKey: ['summary'],
    queryFn: () => api<Summary>('GET', '/api/reports/summary', { token: session?.accessToken }),
    refetchInterval: 30_000,
  });
  const data = summary.data;
  const name = (row: AgencyRow) => (lang === 'fa' ? row.nameFa : row.nameEn);
  const agencies = (data?.byAgency ?? []).filter((row) => row.total > 0);
  const open = data ? data.total - (data.byStatus.closed ?? 0) - (data.byStatus.answered ?? 0) : 0;
  const overdue = agencies.reduce((sum, row) => sum + row.overdue, 0);
  const onTime = percent(data?.timeToAnswer.answeredOnTimeRate);
  const fa = lang === 'fa';
  const number = (n: number) => digits(n, lang);

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.dashboardTitle}
      </Typography.Title>
      <Tabs
        data-testid="supervisor-tabs"
        items={[
          {
            key: 'overview',
            label: t.overview,
            children: (
              <>
                {summary.isError && (
                  <Alert type="error" role="alert" message={problemMessage(summary.error, lang)} />
                )}
                {data && (
                  <>
                    <Typography.Paragraph type="secondary">
                      {t.asOf} {jalali(data.asOf, lang)}
                    </Typography.Paragraph>
                    <Row gutter={16}>
                      <Col xs={12} md={6}>
                        <Statistic
                          title={t.totalRequests}
                          value={data.total}
                          formatter={(v) => number(Number(v))}
                        />
                      </Col>
                      <Col xs={12} md={6}>
                        <Statistic title={t.openRequests} value={open} formatter={(v) => number(Number(v))} />
                      </Col>
                      <Col xs={12} md={6}>
                        <Statistic title={t.overdue} value={overdue} formatter={(v) => number(Number(v))} />
                      </Col>
                      <Col xs={12} md={6}>
                        <div data-testid="on-time-rate">
                          <Statistic
                            title={t.onTimeRate}
                            value={onTime ?? '—'}
                            formatter={(v) => (onTime === undefined ? '—' : `${number(Number(v))}٪`)}
                          />
                        </div>
                      </Col>
                    </Row>
                    <Row gutter={16} style={{ marginTop: 24 }}>
                      <Col xs={24} lg={16}>
                        <Typography.Title level={2} style={{ fontSize: 18 }}>
                          {t.onTimeByAgency}
                        </Typography.Title>
                        {/* ECharts lays SVG text out left to right; the axes are mirrored for Persian instead. */}
                        <div dir="ltr">
                          <ReactEChartsCore
                            echarts={echarts}
                            opts={{ renderer: 'svg' }}
                            style={{ height: Math.max(220, agencies.length * 40 + 60) }}
                            option={{
                              aria: { enabled: true },
                              animation: false,
                              textStyle: { fontFamily: 'Vazirmatn' },
                              tooltip: { trigger: 'axis' },
                              // Room for the agency names on the reading side (right in Persian).
                              grid: { left: fa ? 48 : 210, right: fa ? 210 : 48, top: 8, bottom: 28 },
                              xAxis: {
                                type: 'value',
                                max: 100,
                                inverse: fa,
                                axisLabel: { formatter: (v: number) => `${number(v)}٪` },
                              },
                              yAxis: {
                                type: 'category',
                                position: fa ? 'right' : 'left',
                                data: agencies.map(name),
                                axisLabel: { width: 200, overflow: 'truncate' },
                              },
                              series: [
                                {
                                  type: 'bar',
                                  name: t.onTimeRate,
                                  data: agencies.map((row) => percent(row.answeredOnTimeRate) ?? 0),
                                  itemStyle: { color: '#0b5394' },
                                  label: {
                                    show: true,
                                    position: fa ? 'left' : 'right',
                                    formatter: ({ value }: { value: number }) => `${number(value)}٪`,
                                  },
                                },
                              ],
                            }}
                          />
                        </div>
                      </Col>
                      <Col xs={24} lg={8}>
                        <Typography.Title level={2} style={{ fontSize: 18 }}>
                          {t.byChannel}
                        </Typography.Title>
                        {/* ECharts lays SVG text out left to right; the axes are mirrored for Persian instead. */}
                        <div dir="ltr">
                          <ReactEChartsCore
                            echarts={echarts}
                            opts={{ renderer: 'svg' }}
                            style={{ height: 260 }}
                            option={{
                              aria: { enabled: true },
                              animation: false,
                              textStyle: { fontFamily: 'Vazirmatn' },
                              tooltip: { trigger: 'item' },
                              series: [
                                {
                                  type: 'pie',
                                  radius: ['40%', '70%'],
                                  data: Object.entries(data.byChannel)
                                    .filter(([, count]) => count > 0)
                                    .map(([channel, count]) => ({
                                      name: vocabulary[channel]?.[lang] ?? channel,
                                      value: count,
                                    })),
                                  label: {
                                    formatter: ({ name: label, value }: { name: string; value: number }) =>
                                      `${label}: ${number(value)}`,
                                  },
                                },
                              ],
                            }}
                          />
                        </div>
                      </Col>
                    </Row>
                  </>
                )}
              </>
            ),
          },
          { key: 'overdue', label: t.overdueList, children: <OverdueTable /> },
          { key: 'escalations', label: t.escalations, children: <EscalationsTable /> },
          { key: 'manual-queue', label: t.manualQueue, children: <ManualQueueTable /> },
          { key: 'extensions', label: t.extensionRequests, children: <ExtensionRequestsTable /> },
          { key: 'scorecards', label: t.scorecards, children: <ScorecardsPanel /> },
          { key: 'campaigns', label: t.campaignBoards, children: <CampaignBoardPanel /> },
          { key: 'duplicates', label: t.duplicates, children: <DuplicatesPanel /> },
        ]}
      />
    </Card>
  );
}
