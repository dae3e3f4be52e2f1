import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { digits, jalali } from '../format';
import { showFieldProblems } from '../formProblems';
import { useI18n } from '../i18n';
import { useSession } from '../session';

interface Open311Client {
  id: string;
  name: string;
  ratePerMinute: number;
  burst: number;
  createdAt: string;
  revokedAt?: string;
}

interface IssueValues {
  name?: string;
  ratePerMinute?: number;
  burst?: number;
}

/** Open311 clients (ADR 0032): a key per client, shown once, with its rate limit; revoked from here. */
export function AdminOpen311() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const token = session?.accessToken;
  const [form] = Form.useForm<IssueValues>();
  const [beside, setBeside] = useState(false);
  const [issuedKey, setIssuedKey] = useState<string | undefined>();
  const clients = useQuery({
    queryKey: ['admin-open311'],
    queryFn: () => api<Open311Client[]>('GET', '/api/admin/open311/clients', { token }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin-open311'] });
  const issue = useMutation({
    mutationFn: (values: IssueValues) =>
      api<{ client: Open311Client; apiKey: string }>('POST', '/api/admin/open311/clients', {
        token,
        body: {
          name: values.name ?? '',
          ratePerMinute: values.ratePerMinute,
          burst: values.burst ?? undefined,
        },
      }),
    onSuccess: (issued) => {
      form.resetFields();
      setIssuedKey(issued.apiKey);
      void refresh();
    },
    onError: (error) => setBeside(showFieldProblems(form, error, lang, ['name', 'ratePerMinute', 'burst'])),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api('POST', `/api/admin/open311/clients/${id}/revoke`, { token }),
    onSuccess: () => {
      void message.success(t.revoked);
      void refresh();
    },
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Form form={form} layout="inline" requiredMark={false} onFinish={(values) => issue.mutate(values)}>
        <Form.Item label={t.clientName} name="name">
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label={t.ratePerMinute} name="ratePerMinute">
          <InputNumber style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label={t.burst} name="burst">
          <InputNumber style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={issue.isPending}>
          {t.issueKey}
        </Button>
      </Form>
      {issue.isError && !beside && (
        <Alert type="error" role="alert" message={problemMessage(issue.error, lang)} />
      )}
      {issuedKey && (
        <Alert
          type="success"
          closable
          onClose={() => setIssuedKey(undefined)}
          message={t.apiKeyOnce}
          description={
            <Typography.Text code copyable dir="ltr">
              {issuedKey}
            </Typography.Text>
          }
        />
      )}
      {revoke.isError && <Alert type="error" role="alert" message={problemMessage(revoke.error, lang)} />}
      <Table<Open311Client>
        rowKey="id"
        loading={clients.isLoading}
        dataSource={clients.data ?? []}
        pagination={false}
        size="small"
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.clientName, dataIndex: 'name', render: (n: string) => <bdi>{n}</bdi> },
          { title: t.ratePerMinute, dataIndex: 'ratePerMinute', render: (n: number) => digits(n, lang) },
          { title: t.burst, dataIndex: 'burst', render: (n: number) => digits(n, lang) },
          { title: t.createdAt, dataIndex: 'createdAt', render: (d: string) => jalali(d, lang) },
          {
            title: t.status,
            key: 'status',
            render: (_: unknown, c) =>
              c.revokedAt ? <Tag color="#a8071a">{t.revoked}</Tag> : <Tag color="#135200">{t.active}</Tag>,
          },
          {
            key: 'revoke',
            title: t.revoke,
            render: (_: unknown, c) =>
              !c.revokedAt && (
                <Button
                  size="small"
                  danger
                  onClick={() => revoke.mutate(c.id)}
                  aria-label={`${t.revoke}: ${c.name}`}
                >
                  {t.revoke}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
