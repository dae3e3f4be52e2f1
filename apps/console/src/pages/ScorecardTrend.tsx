// The scorecards' trend: requests received and answered in each of the six Jalali months ending with the
// period (the `trend` of GET /api/reports/scorecards), as bars named by their Jalali month.
import { Typography } from 'antd';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { digits } from '../format';
import { useI18n, type Lang, type Messages } from '../i18n';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export interface MonthTrend {
  /** Jalali `YYYY-MM`, e.g. 1405-09. */
  month: string;
  total: { received: number; answered: number };
}

const monthNames: Record<Lang, readonly string[]> = {
  fa: ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'],
  en: [
    'Farvardin',
    'Ordibehesht',
    'Khordad',
    'Tir',
    'Mordad',
    'Shahrivar',
    'Mehr',
    'Aban',
    'Azar',
    'Dey',
    'Bahman',
    'Esfand',
  ],
};

/** `1405-09` as the month's name and year: آذر ۱۴۰۵ (Azar 1405). */
export const jalaliMonthLabel = (month: string, lang: Lang): string => {
  const [year, number] = month.split('-').map(Number);
  const name = monthNames[lang][number - 1];
  return name ? `${name} ${digits(year, lang)}` : digits(month, lang);
};

// What ECharts' aria description says (it reads it from the series): "Received: Azar 1405: 3, …; Answered: …".
const ariaLabel = (t: Messages) => ({
  general: { withTitle: '{title}. ', withoutTitle: `${t.trendTitle}. ` },
  series: {
    multiple: {
      prefix: '',
      withName: '{seriesName}: ',
      withoutName: '',
      separator: { middle: '; ', end: '.' },
    },
  },
  data: {
    allData: '',
    partialData: '',
    withName: '{name}: {value}',
    withoutName: '{value}',
    // Only the bar's value, not the index of its month on the axis.
    excludeDimensionId: [0],
    separator: { middle: ', ', end: '' },
  },
});

/** Received and answered per Jalali month; its aria label carries every figure for screen readers. */
export function ScorecardTrend({ trend }: { trend: readonly MonthTrend[] | undefined }) {
  const { t, lang } = useI18n();
  if (!trend || trend.length === 0) return null;
  const fa = lang === 'fa';
  const labels = trend.map((m) => jalaliMonthLabel(m.month, lang));
  const bars = (name: string, color: string, value: (m: MonthTrend) => number) => ({
    type: 'bar' as const,
    name,
    data: trend.map((m, i) => ({ name: labels[i], value: value(m) })),
    itemStyle: { color },
  });
  return (
    <section data-testid="scorecards-trend" style={{ marginTop: 24 }}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t.trendTitle}
      </Typography.Title>
      {/* ECharts lays SVG text out left to right; the month axis runs right to left in Persian instead. */}
      <div dir="ltr">
        <ReactEChartsCore
          echarts={echarts}
          opts={{ renderer: 'svg' }}
          style={{ height: 280 }}
          option={{
            aria: { enabled: true, label: ariaLabel(t) },
            animation: false,
            textStyle: { fontFamily: 'Vazirmatn' },
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 48, right: 48, top: 40, bottom: 28 },
            xAxis: { type: 'category', inverse: fa, data: labels },
            yAxis: {
              type: 'value',
              minInterval: 1,
              position: fa ? 'right' : 'left',
              axisLabel: { formatter: (v: number) => digits(v, lang) },
            },
            series: [
              bars(t.receivedCount, '#0b5394', (m) => m.total.received),
              bars(t.answeredCount, '#38761d', (m) => m.total.answered),
            ],
          }}
        />
      </div>
    </section>
  );
}
