import { useState } from 'react';
import { Alert, App as AntApp, Button, Descriptions, Form, Input, Modal, Space, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { groupedCode, jalali } from '../format';
import { showFieldProblems } from '../formProblems';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useNames, usePaged, type Named } from './SupervisorLists';

interface PendingExtension {
  trackingCode: string;
  extensionId: string;
  agency: Named | null;
  county: Named;
  category: Named;
  dueAt: string | null;
  proposedDueAt: string;
  requestedAt: string;
}

interface HistoryEntry {
  type: string;
  data: { extensionId?: string; reason?: string };
}

type Verdict = 'approve' | 'refuse';

/** The agency's reason, kept sealed in the request's history (not in the list). */
function useExtensionReason(item: PendingExtension | undefined) {
  const { session } = useSession();
  return useQuery({
    queryKey: ['extension-reason', item?.trackingCode, item?.extensionId],
    enabled: item !== undefined,
    queryFn: async () => {
      const history = await api<{ events: HistoryEntry[] }>(
        'GET',
        `/api/requests/${item!.trackingCode}/history`,
        { token: session?.accessToken },
      );
      const asked = history.events.find(
        (e) => e.type === 'ExtensionRequested' && e.data.extensionId === item!.extensionId,
      );
      return asked?.data.reason ?? '';
    },
  });
}

/** Approve (the proposed date) or refuse (with a reason) one extension; the API's field problems beside the field. */
function DecisionDialog({
  item,
  verdict,
  onClose,
}: {
  item: PendingExtension;
  verdict: Verdict;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const [beside, setBeside] = useState(false);
  const reason = useExtensionReason(item);
  const { name } = useNames();
  const decide = useMutation({
    mutationFn: (values: { reason?: string }) =>
      api(
        'POST',
        `/api/routing/requests/${item.trackingCode}/extension-requests/${item.extensionId}/${verdict}`,
        { token: session?.accessToken, body: verdict === 'refuse' ? { reason: values.reason ?? '' } : {} },
      ),
    onSuccess: () => {
      void message.success(verdict === 'approve' ? t.extensionApproved : t.extensionRefused);
      void queryClient.invalidateQueries({ queryKey: ['extension-requests'] });
      onClose();
    },
    onError: (error) => setBeside(showFieldProblems(form, error, lang, ['reason'])),
  });
  return (
    <Modal
      open
      title={`${verdict === 'approve' ? t.approveExtension : t.refuseExtension} — ${groupedCode(item.trackingCode, lang)}`}
      okText={verdict === 'approve' ? t.approve : t.refuse}
      okButtonProps={{ danger: verdict === 'refuse' }}
      cancelText={t.cancel}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t.agency}>{name(item.agency)}</Descriptions.Item>
        <Descriptions.Item label={t.currentDue}>{jalali(item.dueAt ?? undefined, lang)}</Descriptions.Item>
        <Descriptions.Item label={t.proposedDue}>{jalali(item.proposedDueAt, lang)}</Descriptions.Item>
        <Descriptions.Item label={t.agencyReason}>
          {reason.isLoading ? '…' : reason.isError ? problemMessage(reason.error, lang) : reason.data || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        style={{ marginTop: 16 }}
        onFinish={(values) => decide.mutate(values)}
      >
        {verdict === 'refuse' && (
          <Form.Item label={t.refusalReason} name="reason">
            <Input.TextArea rows={3} autoFocus />
          </Form.Item>
        )}
        {decide.isError && !beside && (
          <Alert type="error" role="alert" message={problemMessage(decide.error, lang)} />
        )}
      </Form>
    </Modal>
  );
}

/** Extensions agencies asked for, waiting for the supervisor (GET /api/reports/extension-requests). */
export function ExtensionRequestsTable() {
  const { t, lang } = useI18n();
  const { name } = useNames();
  const { query, pagination } = usePaged<PendingExtension>(
    'extension-requests',
    '/api/reports/extension-requests',
  );
  const [deciding, setDeciding] = useState<{ item: PendingExtension; verdict: Verdict }>();
  return (
    <div data-testid="extension-requests-table">
      {query.isError && <Alert type="error" role="alert" message={problemMessage(query.error, lang)} />}
      <Table<PendingExtension>
        rowKey="extensionId"
        size="small"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        pagination={pagination}
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.trackingCode, dataIndex: 'trackingCode', render: (c: string) => groupedCode(c, lang) },
          { title: t.agency, dataIndex: 'agency', render: name },
          { title: t.category, dataIndex: 'category', render: name },
          {
            title: t.currentDue,
            dataIndex: 'dueAt',
            render: (d: string | null) => jalali(d ?? undefined, lang),
          },
          { title: t.proposedDue, dataIndex: 'proposedDueAt', render: (d: string) => jalali(d, lang) },
          { title: t.askedAt, dataIndex: 'requestedAt', render: (d: string) => jalali(d, lang) },
          {
            title: t.decision,
            key: 'decide',
            render: (_: unknown, row) => (
              <Space>
                <Button
                  type="primary"
                  aria-label={`${t.approve} ${row.trackingCode}`}
                  onClick={() => setDeciding({ item: row, verdict: 'approve' })}
                >
                  {t.approve}
                </Button>
                <Button
                  danger
                  aria-label={`${t.refuse} ${row.trackingCode}`}
                  onClick={() => setDeciding({ item: row, verdict: 'refuse' })}
                >
                  {t.refuse}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {deciding && (
        <DecisionDialog
          item={deciding.item}
          verdict={deciding.verdict}
          onClose={() => setDeciding(undefined)}
        />
      )}
    </div>
  );
}
