import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, fieldErrors, idempotencyKey, problemMessage } from '../api';
import { digits, groupedCode, jalali, toneColour } from '../format';
import { ActionDialog } from '../ActionDialog';
import { ExtensionDialog } from './ExtensionDialog';
import { RequestAttachments } from './RequestAttachments';
import { RequestHistory, type AgencyHistory } from './RequestHistory';
import { useI18n, vocabulary } from '../i18n';
import type { Inbox } from '../inbox';
import { useSession } from '../session';
import { leftOpenList, liveNotice, useInboxLive } from '../inboxLive';

interface AnswerValues {
  outcome: string;
  text: string;
}

/** One request of the agency's inbox, and the Answer dialog (Problem Details field errors beside the field). */
export function RequestPage() {
  const { code = '' } = useParams();
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // Live (ADR 44): a change to this request elsewhere (a new due time, a close) refreshes this page.
  useInboxLive((change) => {
    if (change.trackingCode === code && leftOpenList(change))
      void message.info({ duration: 10, content: liveNotice(change, t, lang) });
  });
  const [answering, setAnswering] = useState(false);
  const [dialog, setDialog] = useState<'refer' | 'return' | 'information' | 'extension'>();
  // The inbox is a read model fed over Kafka: after answering, look again until it shows the answer.
  const [awaitingAnswer, setAwaitingAnswer] = useState(false);
  const [form] = Form.useForm<AnswerValues>();

  // The inbox row itself: the agency sees only what it holds, with only the contact it needs.
  const item = useQuery({
    queryKey: ['inbox-item', code],
    queryFn: () =>
      api<Inbox>('GET', `/api/agency/inbox?status=all&trackingCode=${encodeURIComponent(code)}`, {
        token: session?.accessToken,
      }).then((inbox) => inbox.items[0] ?? null),
    refetchInterval: (query) => (awaitingAnswer && !query.state.data?.answer ? 1000 : false),
  });

  // Read from the event store, so it shows a step as soon as the command answers.
  const history = useQuery({
    queryKey: ['agency-history', code],
    queryFn: () =>
      api<AgencyHistory>('GET', `/api/agency/requests/${encodeURIComponent(code)}/history`, {
        token: session?.accessToken,
      }),
  });
  const waiting = history.data?.waiting;

  const answer = useMutation({
    mutationFn: (values: AnswerValues) =>
      api('POST', `/api/agency/requests/${encodeURIComponent(code)}/answer`, {
        token: session?.accessToken,
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: values,
      }),
    onSuccess: () => {
      setAnswering(false);
      setAwaitingAnswer(true);
      void message.success(t.answered);
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['inbox-item', code] });
    },
    onError: (error) => {
      const errors = fieldErrors(error, lang);
      form.setFields(
        Object.entries(errors)
          .filter(([field]) => field === 'outcome' || field === 'text')
          .map(([field, messages]) => ({ name: field as keyof AnswerValues, errors: messages })),
      );
    },
  });

  const path = (action: string) => `/api/agency/requests/${encodeURIComponent(code)}/${action}`;
  const post = (action: string, body?: unknown) =>
    api('POST', path(action), {
      token: session?.accessToken,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: body ?? {},
    });
  // After an action the inbox row changes once the agency's read model has the event: look again for a while.
  const [expectChange, setExpectChange] = useState<string>();
  const acted = (status: string) => {
    setExpectChange(status);
    void message.success(t.done);
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    void queryClient.invalidateQueries({ queryKey: ['agency-history', code] });
  };
  // Asking for information or time leaves the inbox row as it is: the history shows what it waits for.
  const asked = () => {
    setDialog(undefined);
    void message.success(t.done);
    void queryClient.invalidateQueries({ queryKey: ['agency-history', code] });
  };
  const acknowledge = useMutation({
    mutationFn: () => post('acknowledge'),
    onSuccess: () => acted('acknowledged'),
  });
  const request = item.data;
  const refreshing = expectChange !== undefined && request?.status !== expectChange;
  const { refetch } = item;
  useEffect(() => {
    if (!refreshing) return;
    const timer = setInterval(() => void refetch(), 1000);
    return () => clearInterval(timer);
  }, [refreshing, refetch]);
  const name = (n: { nameFa: string; nameEn: string }) => (lang === 'fa' ? n.nameFa : n.nameEn);
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t.details} {groupedCode(code, lang)}
        </Typography.Title>
        <Link to="/agency/inbox">{t.back}</Link>
      </Space>
      {item.isError && <Alert type="error" role="alert" message={problemMessage(item.error, lang)} />}
      {item.data === null && <Alert type="warning" role="alert" message={t.empty} />}
      {request && (
        <>
          <Descriptions
            bordered
            column={1}
            items={[
              {
                key: 'status',
                label: t.status,
                children: (
                  <Space wrap data-testid="request-status">
                    <Tag>{vocabulary[request.status]?.[lang] ?? request.status}</Tag>
                    {waiting?.information && <Tag color={toneColour.soon}>{t.waitingInformation}</Tag>}
                    {waiting?.extension && (
                      <Tag color="blue">
                        {t.waitingExtension} {jalali(waiting.extension.proposedDueAt, lang)}
                      </Tag>
                    )}
                  </Space>
                ),
              },
              {
                key: 'priority',
                label: t.priority,
                children: vocabulary[request.priority]?.[lang] ?? request.priority,
              },
              { key: 'kind', label: t.kind, children: vocabulary[request.kind]?.[lang] ?? request.kind },
              {
                key: 'channel',
                label: t.channel,
                children: vocabulary[request.channel]?.[lang] ?? request.channel,
              },
              { key: 'category', label: t.category, children: name(request.category) },
              { key: 'county', label: t.county, children: name(request.county) },
              {
                key: 'citizen',
                label: t.citizen,
                children: `${request.citizen.fullName ?? '—'} — ${digits(request.citizen.mobile ?? '—', lang)}`,
              },
              {
                key: 'description',
                label: t.description,
                children: (
                  <span dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {request.description}
                  </span>
                ),
              },
              { key: 'routed', label: t.received, children: jalali(request.routedAt, lang) },
              { key: 'due', label: t.due, children: jalali(request.dueAt, lang) },
              ...(request.answer
                ? [
                    {
                      key: 'answer',
                      label: t.answer,
                      children: (
                        <div data-testid="answer-shown">
                          <Tag>{vocabulary[request.answer.outcome]?.[lang]}</Tag>{' '}
                          <span dir="auto">{request.answer.text}</span>
                        </div>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {!request.answer && (
            <Space wrap style={{ marginTop: 16 }}>
              <Button type="primary" onClick={() => setAnswering(true)}>
                {t.answer}
              </Button>
              {request.status === 'routed' && (
                <Button onClick={() => acknowledge.mutate()} loading={acknowledge.isPending}>
                  {t.acknowledge}
                </Button>
              )}
              <Button onClick={() => setDialog('refer')}>{t.refer}</Button>
              <Button onClick={() => setDialog('information')} disabled={!!waiting?.information}>
                {t.askInformation}
              </Button>
              <Button
                onClick={() => setDialog('extension')}
                // The clock is paused while the citizen owes an answer: no extension then (ADR 24).
                disabled={!!waiting?.extension || !!waiting?.information}
              >
                {t.askExtension}
              </Button>
              <Button danger onClick={() => setDialog('return')}>
                {t.returnIt}
              </Button>
              {acknowledge.isError && (
                <Alert type="error" role="alert" message={problemMessage(acknowledge.error, lang)} />
              )}
            </Space>
          )}
          <ActionDialog
            open={dialog === 'refer'}
            title={t.refer}
            fields={[
              { name: 'unit', label: t.referUnit },
              { name: 'toStaff', label: t.referStaff },
              { name: 'note', label: t.note, multiline: true },
            ]}
            send={(values) => post('refer', values)}
            onDone={() => {
              setDialog(undefined);
              acted('referred');
            }}
            onClose={() => setDialog(undefined)}
          />
          <ActionDialog
            open={dialog === 'return'}
            title={t.returnIt}
            fields={[{ name: 'reason', label: t.returnReason, multiline: true }]}
            send={(values) => post('return', values)}
            onDone={() => {
              setDialog(undefined);
              acted('returned');
            }}
            onClose={() => setDialog(undefined)}
          />
          <ActionDialog
            open={dialog === 'information'}
            title={t.askInformation}
            fields={[{ name: 'question', label: t.question, multiline: true }]}
            send={(values) => post('information-requests', values)}
            onDone={asked}
            onClose={() => setDialog(undefined)}
          />
          <ExtensionDialog
            open={dialog === 'extension'}
            send={(body) => post('extension-requests', body)}
            onDone={asked}
            onClose={() => setDialog(undefined)}
          />
          <RequestAttachments code={code} />
          <RequestHistory history={history.data} error={history.error} />
        </>
      )}
      <Modal
        open={answering}
        title={t.answerTitle}
        okText={t.send}
        cancelText={t.cancel}
        confirmLoading={answer.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAnswering(false)}
        destroyOnHidden
        forceRender
      >
        <Form<AnswerValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ outcome: 'positive' }}
          onFinish={(values) => answer.mutate(values)}
        >
          <Form.Item label={t.outcome} name="outcome">
            <Radio.Group
              options={['positive', 'partial', 'negative'].map((o) => ({
                value: o,
                label: vocabulary[o][lang],
              }))}
            />
          </Form.Item>
          <Form.Item label={t.answerText} name="text">
            <Input.TextArea rows={5} autoFocus data-testid="answer-text" />
          </Form.Item>
          {answer.isError && !Object.keys(fieldErrors(answer.error)).length && (
            <Alert type="error" role="alert" message={problemMessage(answer.error, lang)} />
          )}
        </Form>
      </Modal>
    </Card>
  );
}
