import { useState } from 'react';
import { Alert, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { digits, jalali } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import type { Named } from './AdminRuleDialog';

interface RuleTerms {
  category: Named;
  county: Named | null;
  agency: Named;
  priority: number;
}

interface RuleChange {
  id: number;
  ruleId: number;
  change: 'added' | 'changed' | 'removed';
  before: RuleTerms | null;
  after: RuleTerms | null;
  changedBy: string;
  changedAt: string;
}

const PAGE_SIZE = 10;

/** The rules' append-only history, newest first, a page at a time: who changed what, when (Jalali). */
export function AdminRuleChanges() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [page, setPage] = useState(1);
  const changes = useQuery({
    queryKey: ['admin-rule-changes', page],
    queryFn: () =>
      api<{ items: RuleChange[]; total: number }>(
        'GET',
        `/api/routing/rules/changes?page=${page}&pageSize=${PAGE_SIZE}`,
        { token: session?.accessToken },
      ),
  });
  const name = (n: Named | null) => (n === null ? t.ruleAnyCounty : lang === 'fa' ? n.nameFa : n.nameEn);
  const arrow = lang === 'fa' ? ' ← ' : ' → ';
  // One value, or how it went from before to after when a change altered it.
  const shown = (c: RuleChange, of: (terms: RuleTerms) => string) => {
    const before = c.before && of(c.before);
    const after = c.after && of(c.after);
    return before !== null && after !== null && before !== after
      ? `${before}${arrow}${after}`
      : (after ?? before ?? '');
  };
  const kinds: Record<RuleChange['change'], { text: string; color: string }> = {
    added: { text: t.ruleChangeAdded, color: '#135200' },
    changed: { text: t.ruleChangeChanged, color: '#0b5394' },
    removed: { text: t.ruleChangeRemoved, color: '#a8071a' },
  };

  return (
    <section aria-labelledby="rule-changes-title" data-testid="rule-changes">
      <Typography.Title level={2} id="rule-changes-title" style={{ fontSize: 18 }}>
        {t.ruleChanges}
      </Typography.Title>
      {changes.isError && <Alert type="error" role="alert" message={problemMessage(changes.error, lang)} />}
      <Table<RuleChange>
        rowKey="id"
        loading={changes.isLoading}
        dataSource={changes.data?.items ?? []}
        size="small"
        locale={{ emptyText: t.empty }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: changes.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: t.ruleChangeWhen,
            key: 'when',
            render: (_: unknown, c) => jalali(c.changedAt, lang),
          },
          { title: t.ruleChangeWho, dataIndex: 'changedBy', render: (who: string) => <bdi>{who}</bdi> },
          {
            title: t.ruleChangeKind,
            key: 'change',
            render: (_: unknown, c) => <Tag color={kinds[c.change].color}>{kinds[c.change].text}</Tag>,
          },
          {
            title: t.category,
            key: 'category',
            render: (_: unknown, c) => shown(c, (r) => name(r.category)),
          },
          { title: t.ruleCounty, key: 'county', render: (_: unknown, c) => shown(c, (r) => name(r.county)) },
          { title: t.ruleAgency, key: 'agency', render: (_: unknown, c) => shown(c, (r) => name(r.agency)) },
          {
            title: t.rulePriority,
            key: 'priority',
            render: (_: unknown, c) =>
              digits(
                shown(c, (r) => String(r.priority)),
                lang,
              ),
          },
        ]}
      />
    </section>
  );
}
