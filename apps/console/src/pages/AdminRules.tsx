import { useState } from 'react';
import { Alert, App as AntApp, Button, Input, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { normalizePersianText } from '../domain';
import { digits } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { AdminRuleChanges } from './AdminRuleChanges';
import { AdminRuleDialog, type Named, type RoutingRule } from './AdminRuleDialog';

/**
 * Routing rules, category × county → agency: a county's own rule before the category's fallback. The
 * administrator adds, edits (agency, priority) and deletes them; below, the history of every change.
 */
export function AdminRules() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const token = session?.accessToken;
  const rules = useQuery({
    queryKey: ['admin-rules'],
    queryFn: () => api<{ items: RoutingRule[] }>('GET', '/api/routing/rules', { token }),
  });
  // undefined: closed; null: adding; a rule: editing it.
  const [dialog, setDialog] = useState<RoutingRule | null | undefined>();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['admin-rules'] }),
      queryClient.invalidateQueries({ queryKey: ['admin-rule-changes'] }),
    ]);
  const remove = useMutation({
    mutationFn: (rule: RoutingRule) => api('DELETE', `/api/routing/rules/${rule.id}`, { token }),
    onSuccess: () => {
      void message.success(t.ruleDeleted);
      void refresh();
    },
  });
  const name = (n: Named) => (lang === 'fa' ? n.nameFa : n.nameEn);
  const ruleName = (r: RoutingRule) =>
    [name(r.category), r.county ? name(r.county) : t.ruleAnyCounty, name(r.agency)].join(
      lang === 'fa' ? '، ' : ', ',
    );
  const confirmRemoval = (rule: RoutingRule) => {
    remove.reset();
    modal.confirm({
      title: `${t.deleteRule}: ${ruleName(rule)}`,
      content: t.deleteRuleConfirm,
      okText: t.deleteRule,
      okButtonProps: { danger: true },
      cancelText: t.cancel,
      onOk: () => remove.mutate(rule),
    });
  };
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
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Space direction="vertical" style={{ width: '100%' }} data-testid="routing-rules">
        <Typography.Paragraph type="secondary">{t.ruleAppliesHint}</Typography.Paragraph>
        <Space wrap>
          <Input
            allowClear
            placeholder={t.ruleFilter}
            aria-label={t.ruleFilter}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            style={{ width: 280 }}
          />
          <Button type="primary" onClick={() => setDialog(null)}>
            {t.addRule}
          </Button>
        </Space>
        {rules.isError && <Alert type="error" role="alert" message={problemMessage(rules.error, lang)} />}
        {remove.isError && (
          <Alert
            type="error"
            role="alert"
            message={problemMessage(remove.error, lang)}
            data-testid="rule-refused"
          />
        )}
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
            {
              title: t.changedBy,
              key: 'changed',
              render: (_: unknown, r) => (r.changedBy ? <bdi>{r.changedBy}</bdi> : '—'),
            },
            {
              title: t.ruleActions,
              key: 'actions',
              render: (_: unknown, r) => (
                <Space>
                  <Button
                    size="small"
                    aria-label={`${t.editRule}: ${ruleName(r)}`}
                    onClick={() => setDialog(r)}
                  >
                    {t.edit}
                  </Button>
                  <Button
                    size="small"
                    danger
                    loading={remove.isPending && remove.variables?.id === r.id}
                    aria-label={`${t.deleteRule}: ${ruleName(r)}`}
                    onClick={() => confirmRemoval(r)}
                  >
                    {t.ruleDelete}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Space>
      <AdminRuleChanges />
      <AdminRuleDialog
        open={dialog !== undefined}
        rule={dialog ?? undefined}
        onClose={() => setDialog(undefined)}
        onSaved={() => {
          void message.success(dialog ? t.saved : t.ruleAdded);
          setDialog(undefined);
          void refresh();
        }}
      />
    </Space>
  );
}
