import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, InputNumber, Modal, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { digits } from '../format';
import { showFieldProblems } from '../formProblems';
import { useI18n } from '../i18n';
import { useSession } from '../session';

interface CategoryDeadline {
  code: string;
  nameFa: string;
  nameEn: string;
  deadlineDays: number;
  defaultDeadlineDays: number | null;
  changedBy?: string;
  changedAtJalali?: string;
}

/** Each category's deadline in working days; a change applies to requests routed from then on. */
export function AdminDeadlines() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const token = session?.accessToken;
  const [editing, setEditing] = useState<CategoryDeadline | undefined>();
  const [beside, setBeside] = useState(false);
  const [form] = Form.useForm<{ deadlineDays?: number }>();
  const deadlines = useQuery({
    queryKey: ['admin-deadlines'],
    queryFn: () => api<{ items: CategoryDeadline[] }>('GET', '/api/admin/categories/deadlines', { token }),
  });
  const save = useMutation({
    mutationFn: ({ code, deadlineDays }: { code: string; deadlineDays?: number }) =>
      api<CategoryDeadline>('PUT', `/api/admin/categories/${code}/deadline`, {
        token,
        body: { deadlineDays: deadlineDays ?? null },
      }),
    onSuccess: () => {
      setEditing(undefined);
      void message.success(t.saved);
      void queryClient.invalidateQueries({ queryKey: ['admin-deadlines'] });
      void queryClient.invalidateQueries({ queryKey: ['admin-rules'] });
    },
    onError: (error) => setBeside(showFieldProblems(form, error, lang, ['deadlineDays'])),
  });
  const name = (c: CategoryDeadline) => (lang === 'fa' ? c.nameFa : c.nameEn);

  return (
    <>
      {deadlines.isError && (
        <Alert type="error" role="alert" message={problemMessage(deadlines.error, lang)} />
      )}
      <Table<CategoryDeadline>
        rowKey="code"
        loading={deadlines.isLoading}
        dataSource={deadlines.data?.items ?? []}
        pagination={false}
        size="small"
        columns={[
          { title: t.code, dataIndex: 'code', render: (code: string) => <bdi>{code}</bdi> },
          { title: t.category, key: 'name', render: (_: unknown, c) => name(c) },
          {
            title: t.deadlineDays,
            dataIndex: 'deadlineDays',
            render: (days: number, c) => <span data-testid={`deadline-${c.code}`}>{digits(days, lang)}</span>,
          },
          {
            title: t.defaultDeadline,
            dataIndex: 'defaultDeadlineDays',
            render: (days: number | null) => (days === null ? '—' : digits(days, lang)),
          },
          {
            title: t.changedBy,
            key: 'changed',
            render: (_: unknown, c) =>
              c.changedBy
                ? `${c.changedBy}${lang === 'fa' ? '، ' : ', '}${digits(c.changedAtJalali ?? '', lang)}`
                : '—',
          },
          {
            key: 'edit',
            title: t.edit,
            render: (_: unknown, c) => (
              <Button
                size="small"
                aria-label={`${t.editDeadline}: ${name(c)}`}
                onClick={() => {
                  save.reset();
                  form.setFieldsValue({ deadlineDays: c.deadlineDays });
                  setEditing(c);
                }}
              >
                {t.edit}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={editing && `${t.editDeadline}: ${name(editing)}`}
        okText={t.save}
        cancelText={t.cancel}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(undefined)}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) =>
            editing && save.mutate({ code: editing.code, deadlineDays: values.deadlineDays })
          }
        >
          <Form.Item label={t.deadlineDays} name="deadlineDays">
            <InputNumber autoFocus style={{ width: 160 }} />
          </Form.Item>
          {save.isError && !beside && (
            <Alert type="error" role="alert" message={problemMessage(save.error, lang)} />
          )}
        </Form>
      </Modal>
    </>
  );
}
