import { useState } from 'react';
import { Alert, Input, Space, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { normalizePersianText } from '../domain';
import { digits } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';

interface Named {
  code: string;
  nameFa: string;
  nameEn: string;
}

interface RoutingRule {
  id: number;
  category: Named & { deadlineDays: number };
  county: Named | null;
  agency: Named;
  priority: number;
}

/** Routing rules, category × county → agency: a county's own rule before the category's fallback. */
export function AdminRules() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const rules = useQuery({
    queryKey: ['admin-rules'],
    queryFn: () =>
      api<{ items: RoutingRule[] }>('GET', '/api/routing/rules', { token: session?.accessToken }),
  });
  const name = (n: Named) => (lang === 'fa' ? n.nameFa : n.nameEn);
  const [filter, setFilter] = useState('');
  // Narrowed as typed, by category, county or agency in either language (Arabic ی/ک fold to Persian).
  const fold = (text: string) => normalizePersianText(text).toLowerCase();
  const wanted = fold(filter.trim());
  const shown = (rules.data?.items ?? []).filter(
    (r) =>
      wanted === '' ||
      [r.category, r.agency, ...(r.county ? [r.county] : [])]
        .flatMap((n) => [n.code, n.nameFa, n.nameEn])
        .some((text) => fold(text).includes(wanted)),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="routing-rules">
      <Input
        allowClear
        placeholder={t.ruleFilter}
        aria-label={t.ruleFilter}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        style={{ width: 280 }}
      />
      {rules.isError && <Alert type="error" role="alert" message={problemMessage(rules.error, lang)} />}
      <Table<RoutingRule>
        rowKey="id"
        loading={rules.isLoading}
        dataSource={shown}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        size="small"
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.category, key: 'category', render: (_: unknown, r) => name(r.category) },
          {
            title: t.ruleCounty,
            key: 'county',
            render: (_: unknown, r) => (r.county ? name(r.county) : t.ruleAnyCounty),
          },
          { title: t.ruleAgency, key: 'agency', render: (_: unknown, r) => name(r.agency) },
          {
            title: t.deadlineDays,
            key: 'deadline',
            render: (_: unknown, r) => digits(r.category.deadlineDays, lang),
          },
          { title: t.rulePriority, dataIndex: 'priority', render: (p: number) => digits(p, lang) },
        ]}
      />
    </Space>
  );
}
