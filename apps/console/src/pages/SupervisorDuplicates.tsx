import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { toAsciiDigits } from '../domain';
import { digits, groupedCode, jalali } from '../format';
import { showFieldProblems } from '../formProblems';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { MergeDialog, type MergePair } from './MergeDialog';
import { MattersList } from './SupervisorMatters';
import { useNames, type Named } from './SupervisorLists';

/** A request named as a candidate (ADR 27): nothing personal, only what names it. */
interface Candidate {
  trackingCode: string;
  category: Named;
  county: Named;
  status: string;
  registeredAt: string;
  /** pg_trgm similarity of the descriptions (similar requests only). */
  similarity?: number;
}

interface Catalog {
  counties: Named[];
  categories: Named[];
}

interface CallerQuery {
  nationalCode?: string;
  mobile?: string;
  categoryCode?: string;
  countyCode?: string;
}

const codeOf = (typed: string): string => toAsciiDigits(typed).replace(/\D/g, '');

/** Candidates with their reason, and what can be done with each against the request being examined. */
function CandidateTable({
  testId,
  items,
  loading,
  anchor,
  reason,
  merges,
  selected,
  onSelect,
  onExamine,
  onMerge,
}: {
  testId: string;
  items: Candidate[];
  loading: boolean;
  anchor?: string;
  reason: (row: Candidate) => string;
  merges: Record<string, string>;
  selected?: string[];
  onSelect?: (codes: string[]) => void;
  onExamine: (code: string) => void;
  onMerge: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  const { name, word } = useNames();
  return (
    <Table<Candidate>
      data-testid={testId}
      rowKey="trackingCode"
      size="small"
      loading={loading}
      dataSource={items.filter((row) => row.trackingCode !== anchor)}
      pagination={false}
      locale={{ emptyText: t.empty }}
      rowSelection={
        onSelect && {
          selectedRowKeys: selected,
          onChange: (keys) => onSelect(keys.map(String)),
          getCheckboxProps: (row) => ({
            'aria-label': `${t.selectRow} ${row.trackingCode}`,
            disabled: row.trackingCode in merges,
          }),
        }
      }
      columns={[
        { title: t.trackingCode, dataIndex: 'trackingCode', render: (c: string) => groupedCode(c, lang) },
        { title: t.category, dataIndex: 'category', render: name },
        { title: t.county, dataIndex: 'county', render: name },
        { title: t.status, dataIndex: 'status', render: word },
        { title: t.registeredAt, dataIndex: 'registeredAt', render: (d: string) => jalali(d, lang) },
        { title: t.whySimilar, key: 'reason', render: (_: unknown, row) => reason(row) },
        {
          title: t.merge,
          key: 'actions',
          render: (_: unknown, row) =>
            merges[row.trackingCode] ? (
              <Tag data-testid="merged-tag">
                {t.mergedNotice} {groupedCode(merges[row.trackingCode], lang)}
              </Tag>
            ) : (
              <Space>
                <Button
                  size="small"
                  aria-label={`${t.examine} ${row.trackingCode}`}
                  onClick={() => onExamine(row.trackingCode)}
                >
                  {t.examine}
                </Button>
                <Button
                  size="small"
                  disabled={!anchor}
                  aria-label={`${t.merge} ${row.trackingCode}`}
                  onClick={() => onMerge(row.trackingCode)}
                >
                  {t.merge}
                </Button>
              </Space>
            ),
        },
      ]}
    />
  );
}

/**
 * The supervisor's duplicates screen (ADR 27): a request's similar requests of other citizens and the same
 * caller's open requests, each with why it is a candidate; merge one into another, or link them into a matter.
 */
export function DuplicatesPanel() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const token = session?.accessToken;
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const { n } = useNames();
  const [typed, setTyped] = useState('');
  const [anchor, setAnchor] = useState<string>();
  const [selected, setSelected] = useState<string[]>([]);
  const [pair, setPair] = useState<MergePair>();
  // Merged code → the code it continues as: shown at once, while the read model catches up.
  const [merges, setMerges] = useState<Record<string, string>>({});
  const [linkedMatter, setLinkedMatter] = useState<{ matterId: string; requestCount: number }>();
  const [callerForm] = Form.useForm<CallerQuery>();

  const examine = (code: string) => {
    setAnchor(code);
    setTyped(digits(code, lang));
    setSelected([]);
  };
  const similar = useQuery({
    queryKey: ['similar', anchor],
    enabled: anchor !== undefined,
    queryFn: () => api<{ items: Candidate[] }>('GET', `/api/requests/${anchor}/similar`, { token }),
    // A merged request leaves the list once the read model has its closure.
    refetchInterval: (query) =>
      query.state.data?.items.some((row) => row.trackingCode in merges) ? 1000 : false,
  });
  const catalog = useQuery({
    queryKey: ['catalog'],
    queryFn: () => api<Catalog>('GET', '/api/catalog', { token }),
    staleTime: 600_000,
  });
  const sameCaller = useMutation({
    mutationFn: (values: CallerQuery) =>
      api<{ items: Candidate[] }>('POST', '/api/requests/possible-duplicates', {
        token,
        body: {
          ...(values.nationalCode && { nationalCode: toAsciiDigits(values.nationalCode) }),
          ...(values.mobile && { mobile: toAsciiDigits(values.mobile) }),
          categoryCode: values.categoryCode ?? '',
          countyCode: values.countyCode ?? '',
        },
      }),
    onError: (error) => {
      const fields = ['nationalCode', 'mobile', 'categoryCode', 'countyCode'];
      if (!showFieldProblems(callerForm, error, lang, fields))
        void message.error(problemMessage(error, lang));
    },
  });
  const link = useMutation({
    mutationFn: () =>
      api<{ matterId: string; trackingCodes: string[] }>('POST', '/api/requests/matters', {
        token,
        body: { trackingCodes: [anchor, ...selected] },
      }),
    onSuccess: (answer) => {
      setLinkedMatter({ matterId: answer.matterId, requestCount: answer.trackingCodes.length });
      setSelected([]);
      void message.success(
        `${t.linkedMatter} ${answer.trackingCodes.map((c) => groupedCode(c, lang)).join(lang === 'fa' ? '، ' : ', ')}`,
      );
      void queryClient.invalidateQueries({ queryKey: ['matters'] });
    },
    onError: (error) => void message.error(problemMessage(error, lang)),
  });
  const options = (items: Named[] | undefined) =>
    (items ?? []).map((item) => ({ value: item.code, label: lang === 'fa' ? item.nameFa : item.nameEn }));
  const mergeWith = (code: string) => anchor && setPair({ kept: anchor, merged: code });
  const lastMerge = Object.entries(merges).at(-1);

  return (
    <div data-testid="duplicates-panel">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const code = codeOf(typed);
          if (code) examine(code);
        }}
      >
        <Space wrap>
          <label htmlFor="duplicates-code">{t.requestToExamine}</label>
          <Input
            id="duplicates-code"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            style={{ width: 200 }}
            inputMode="numeric"
          />
          <Button htmlType="submit" type="primary">
            {t.show}
          </Button>
        </Space>
      </form>
      {lastMerge && (
        <Alert
          data-testid="merge-notice"
          type="success"
          role="status"
          showIcon
          style={{ marginTop: 16 }}
          message={`${groupedCode(lastMerge[0], lang)} ${t.mergedNotice} ${groupedCode(lastMerge[1], lang)}`}
        />
      )}
      {anchor && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            {t.similarRequests} — {groupedCode(anchor, lang)}
          </Typography.Title>
          {similar.isError && (
            <Alert type="error" role="alert" message={problemMessage(similar.error, lang)} />
          )}
          <CandidateTable
            testId="similar-table"
            items={similar.data?.items ?? []}
            loading={similar.isLoading}
            anchor={anchor}
            merges={merges}
            reason={(row) =>
              `${t.sameCategoryCounty}؛ ${t.descriptionsAlike} ${n(Math.round((row.similarity ?? 0) * 100))}٪`
            }
            selected={selected}
            onSelect={setSelected}
            onExamine={examine}
            onMerge={mergeWith}
          />
          <Button
            style={{ marginTop: 12 }}
            disabled={selected.length === 0}
            loading={link.isPending}
            onClick={() => link.mutate()}
          >
            {t.linkMatter}
          </Button>
        </>
      )}
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {t.sameCaller}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.sameCallerHint}</Typography.Paragraph>
      <Form
        form={callerForm}
        layout="inline"
        requiredMark={false}
        onFinish={(values) => sameCaller.mutate(values)}
      >
        <Form.Item label={t.nationalCode} name="nationalCode">
          <Input style={{ width: 140 }} inputMode="numeric" dir="ltr" />
        </Form.Item>
        <Form.Item label={t.mobile} name="mobile">
          <Input style={{ width: 140 }} inputMode="numeric" dir="ltr" />
        </Form.Item>
        <Form.Item label={t.category} name="categoryCode">
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 200 }}
            options={options(catalog.data?.categories)}
          />
        </Form.Item>
        <Form.Item label={t.county} name="countyCode">
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 160 }}
            options={options(catalog.data?.counties)}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={sameCaller.isPending}>
            {t.find}
          </Button>
        </Form.Item>
      </Form>
      {sameCaller.data && (
        <CandidateTable
          testId="same-caller-table"
          items={sameCaller.data.items}
          loading={false}
          anchor={anchor}
          merges={merges}
          reason={() => t.sameCallerReason}
          onExamine={examine}
          onMerge={mergeWith}
        />
      )}
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {t.matters}
      </Typography.Title>
      <MattersList awaiting={linkedMatter} onExamine={examine} />
      <MergeDialog
        pair={pair}
        onSwap={() => pair && setPair({ kept: pair.merged, merged: pair.kept })}
        onClose={() => setPair(undefined)}
        onMerged={(merged, kept) => {
          setPair(undefined);
          setMerges((before) => ({ ...before, [merged]: kept }));
          // The request examined was the one closed: examine the one it continues as.
          if (merged === anchor) examine(kept);
          void queryClient.invalidateQueries({ queryKey: ['similar'] });
        }}
      />
    </div>
  );
}
