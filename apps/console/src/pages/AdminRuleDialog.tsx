import { useEffect, useState } from 'react';
import { Alert, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { toAsciiDigits } from '../domain';
import { digits } from '../format';
import { showFieldProblems } from '../formProblems';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export interface Named {
  code: string;
  nameFa: string;
  nameEn: string;
}

export interface RoutingRule {
  id: number;
  category: Named & { deadlineDays: number };
  county: Named | null;
  agency: Named;
  priority: number;
  changedBy?: string;
  changedAt?: string;
}

interface RuleValues {
  categoryCode?: string;
  countyCode?: string;
  agencyCode?: string;
  priority?: number | null;
}

const FIELDS = ['categoryCode', 'countyCode', 'agencyCode', 'priority'];

/**
 * Adds a rule (no `rule`) or changes one's agency and priority. Empty fields go to the API as they are, so
 * its Problem Details say what is missing, beside each field; an empty county is the category's fallback.
 */
export function AdminRuleDialog({
  open,
  rule,
  onSaved,
  onClose,
}: {
  open: boolean;
  rule?: RoutingRule;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const token = session?.accessToken;
  const [form] = Form.useForm<RuleValues>();
  const [beside, setBeside] = useState(false);
  const name = (n: Named) => (lang === 'fa' ? n.nameFa : n.nameEn);
  const options = (list: Named[] | undefined) => (list ?? []).map((n) => ({ value: n.code, label: name(n) }));
  const catalog = useQuery({
    queryKey: ['catalog'],
    queryFn: () => api<{ counties: Named[]; categories: Named[] }>('GET', '/api/catalog', { token }),
    enabled: open,
  });
  const agencies = useQuery({
    queryKey: ['routing-agencies'],
    queryFn: () => api<{ items: Named[] }>('GET', '/api/routing/agencies', { token }),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: (values: RuleValues) =>
      rule
        ? api<RoutingRule>('PUT', `/api/routing/rules/${rule.id}`, {
            token,
            body: { agencyCode: values.agencyCode ?? '', priority: values.priority ?? null },
          })
        : api<RoutingRule>('POST', '/api/routing/rules', {
            token,
            body: {
              categoryCode: values.categoryCode ?? '',
              countyCode: values.countyCode ?? null,
              agencyCode: values.agencyCode ?? '',
              priority: values.priority ?? null,
            },
          }),
    onSuccess: () => onSaved(),
    onError: (error) => setBeside(showFieldProblems(form, error, lang, FIELDS)),
  });
  const { reset } = save;

  // Each opening starts afresh: the rule's values when editing, an empty rule of priority 0 when adding.
  useEffect(() => {
    if (!open) return;
    reset();
    setBeside(false);
    form.resetFields();
    form.setFieldsValue(rule ? { agencyCode: rule.agency.code, priority: rule.priority } : { priority: 0 });
  }, [open, rule, form, reset]);

  return (
    <Modal
      open={open}
      title={rule ? `${t.editRule}: ${name(rule.category)}` : t.addRule}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => save.mutate(values)}
        data-testid="rule-form"
      >
        {rule ? (
          <Typography.Paragraph>
            {t.ruleCounty}: {rule.county ? name(rule.county) : t.ruleAnyCounty}
          </Typography.Paragraph>
        ) : (
          <>
            <Form.Item label={t.category} name="categoryCode">
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={options(catalog.data?.categories)}
                loading={catalog.isLoading}
              />
            </Form.Item>
            <Form.Item label={t.ruleCounty} name="countyCode" extra={t.ruleCountyHint}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={options(catalog.data?.counties)}
                loading={catalog.isLoading}
                placeholder={t.ruleAnyCounty}
              />
            </Form.Item>
          </>
        )}
        <Form.Item label={t.ruleAgency} name="agencyCode">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={options(agencies.data?.items)}
            loading={agencies.isLoading}
          />
        </Form.Item>
        <Form.Item label={t.rulePriority} name="priority" extra={t.rulePriorityHint}>
          <InputNumber
            style={{ width: 160 }}
            formatter={(value) => digits(value ?? '', lang)}
            parser={(text) => toAsciiDigits(text ?? '').replace(/[^\d-]/g, '')}
          />
        </Form.Item>
        {(catalog.isError || agencies.isError) && (
          <Alert type="error" role="alert" message={problemMessage(catalog.error ?? agencies.error, lang)} />
        )}
        {save.isError && !beside && (
          <Alert type="error" role="alert" message={problemMessage(save.error, lang)} />
        )}
      </Form>
    </Modal>
  );
}
