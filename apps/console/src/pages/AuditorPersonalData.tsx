import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fieldErrors, problemMessage } from '../api';
import { digits, jalali } from '../format';
import { showFieldProblems } from '../formProblems';
import { useI18n, type Messages } from '../i18n';
import { useSession } from '../session';

/** A registration citizen as the history gives it to auditors: identifiers masked to their last four. */
export interface MaskedCitizen {
  nationalCode?: string | null;
  mobile?: string | null;
  fullName?: string | null;
}

interface Revealed {
  trackingCode: string;
  citizens: { index: number; erased: boolean; nationalCode: string | null; mobile: string | null }[];
  viewId: string;
  viewedAt: string;
}

interface View {
  viewId: string;
  viewer: string;
  role: string;
  viewedAt: string;
  reason: string;
  fields: string[];
}

interface Row {
  index: number;
  nationalCode: string | null;
  mobile: string | null;
  erased: boolean;
}

const LOG_PAGE_SIZE = 5;

const roleName = (t: Messages, role: string): string =>
  ({
    auditor: t.roleAuditor,
    supervisor: t.roleSupervisor,
    agency_system: t.roleAgencySystem,
    agency_staff: t.roleAgencyStaff,
  })[role] ?? role;

const fieldName = (t: Messages, field: string): string =>
  ({ nationalCode: t.nationalCode, mobile: t.mobile, fullName: t.fullName, description: t.description })[
    field
  ] ?? field;

/**
 * A request's citizens masked, a reveal that asks for a reason (recorded by the API before it answers, ADR 20),
 * and the request's access log. The clear values live in this component's state only: mounted per request
 * (keyed by its code), they go when the code changes or the auditor leaves the page.
 */
export function AuditorPersonalData({ code, citizens }: { code: string; citizens: MaskedCitizen[] }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const token = session?.accessToken;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const [asking, setAsking] = useState(false);
  const [revealed, setRevealed] = useState<Revealed>();
  const [logPage, setLogPage] = useState(1);

  const reveal = useMutation({
    // Nothing kept in the mutation cache once this component goes: the values stay in its state alone.
    gcTime: 0,
    mutationFn: (reason: string) =>
      api<Revealed>('POST', `/api/requests/${code}/personal-data/reveal`, { token, body: { reason } }),
    onSuccess: (answer) => {
      setRevealed(answer);
      setAsking(false);
      form.resetFields();
      setLogPage(1);
      void queryClient.invalidateQueries({ queryKey: ['personal-data-views', code] });
    },
    onError: (error) => void showFieldProblems(form, error, lang, ['reason']),
  });
  const log = useQuery({
    queryKey: ['personal-data-views', code, logPage],
    queryFn: () =>
      api<{ items: View[]; total: number }>(
        'GET',
        `/api/audit/personal-data-views?trackingCode=${code}&page=${logPage}&pageSize=${LOG_PAGE_SIZE}`,
        { token },
      ),
  });

  const rows: Row[] = revealed
    ? revealed.citizens
    : citizens.map((c, index) => ({
        index,
        nationalCode: c.nationalCode ?? null,
        mobile: c.mobile ?? null,
        erased: false,
      }));
  const identifier = (value: string | null, row: Row) =>
    row.erased ? (
      <Tag>{t.erasedCitizen}</Tag>
    ) : (
      <span dir="ltr" data-testid="personal-identifier">
        {value === null ? '—' : digits(value, lang)}
      </span>
    );
  const fieldProblem = 'reason' in fieldErrors(reveal.error);

  return (
    <div data-testid="personal-data" style={{ marginTop: 24 }}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t.personalData}
      </Typography.Title>
      {revealed ? (
        <Alert
          type="warning"
          showIcon
          role="status"
          data-testid="revealed-notice"
          style={{ marginBottom: 12 }}
          message={`${t.revealedNotice} ${jalali(revealed.viewedAt, lang)}`}
          action={<Button onClick={() => setRevealed(undefined)}>{t.hide}</Button>}
        />
      ) : (
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Text type="secondary">{t.personalDataMasked}</Typography.Text>
          <Button data-testid="reveal" onClick={() => setAsking(true)}>
            {t.reveal}
          </Button>
        </Space>
      )}
      <Table<Row>
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.citizenNo, dataIndex: 'index', render: (i: number) => digits(i + 1, lang) },
          { title: t.nationalCode, dataIndex: 'nationalCode', render: identifier },
          { title: t.mobile, dataIndex: 'mobile', render: identifier },
        ]}
      />
      <Modal
        open={asking}
        title={t.revealTitle}
        okText={t.revealOk}
        cancelText={t.cancel}
        confirmLoading={reveal.isPending}
        okButtonProps={{ 'data-testid': 'reveal-ok' } as ButtonProps}
        onOk={() => form.submit()}
        onCancel={() => {
          setAsking(false);
          reveal.reset();
        }}
        destroyOnHidden
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => {
            form.setFields([{ name: 'reason', errors: [] }]);
            reveal.mutate(values.reason ?? '');
          }}
        >
          <Form.Item label={t.revealReason} name="reason" extra={t.revealReasonHint}>
            <Input.TextArea rows={3} autoFocus data-testid="reveal-reason" />
          </Form.Item>
          {reveal.isError && !fieldProblem && (
            <Alert type="error" role="alert" message={problemMessage(reveal.error, lang)} />
          )}
        </Form>
      </Modal>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        {t.accessLog}
      </Typography.Title>
      {log.isError && <Alert type="error" role="alert" message={problemMessage(log.error, lang)} />}
      <Table<View>
        data-testid="access-log"
        rowKey="viewId"
        size="small"
        loading={log.isLoading}
        dataSource={log.data?.items ?? []}
        locale={{ emptyText: t.empty }}
        pagination={{
          current: logPage,
          pageSize: LOG_PAGE_SIZE,
          total: log.data?.total ?? 0,
          onChange: setLogPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        columns={[
          { title: t.viewedAt, dataIndex: 'viewedAt', render: (at: string) => jalali(at, lang) },
          {
            title: t.viewer,
            dataIndex: 'viewer',
            render: (viewer: string) => (
              <>
                <span dir="ltr">{viewer}</span> {viewer === session?.username && <Tag>{t.you}</Tag>}
              </>
            ),
          },
          { title: t.role, dataIndex: 'role', render: (role: string) => roleName(t, role) },
          { title: t.reason, dataIndex: 'reason' },
          {
            title: t.fieldsSeen,
            dataIndex: 'fields',
            render: (fields: string[]) =>
              fields.map((f) => fieldName(t, f)).join(lang === 'fa' ? '، ' : ', '),
          },
        ]}
      />
    </div>
  );
}
