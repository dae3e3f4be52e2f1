import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  List,
  Result,
  Row,
  Select,
  Tag,
  Typography,
  type InputRef,
} from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';
import { api, fieldErrors, idempotencyKey, problemMessage } from '../api';
import { isValidIranianMobile, isValidNationalCode, toAsciiDigits } from '../domain';
import { digits, groupedCode, jalali } from '../format';
import { useI18n, vocabulary } from '../i18n';
import { useSession } from '../session';

interface Named {
  code: string;
  nameFa: string;
  nameEn: string;
}

interface Catalog {
  counties: Named[];
  categories: (Named & { deadlineDays: number })[];
  kinds: Named[];
  channels: Named[];
}

interface Registered {
  trackingCode: string;
  trackingCodeFormatted: string;
  status: string;
  registeredAt: string;
  possibleDuplicates?: { trackingCode: string }[];
}

interface EarlierRequest {
  trackingCode: string;
  status: string;
  statusFa: string;
  category: Named;
  agency?: Named;
  registeredAt: string;
}

/** A call the PBX reported answered at this operator's extension (ADR 45), passed in the route's state. */
export interface IncomingCall {
  callId: string;
  mobile: string;
}

interface FormValues {
  channel: string;
  kind: string;
  nationalCode: string;
  fullName: string;
  mobile: string;
  countyCode: string;
  categoryCode: string;
  description: string;
}

const codeDigits = (value: string | undefined): string =>
  toAsciiDigits(value ?? '').replace(/[\s\-\u200c]/g, '');

/**
 * The operator's form, keyboard-first: focus starts on the national code, Tab walks every field in reading
 * order, the selects search as typed, and Ctrl+Enter (or Enter on the last button) registers.
 */
export function RegisterPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [form] = Form.useForm<FormValues>();
  const [done, setDone] = useState<Registered>();
  const first = useRef<InputRef>(null);
  const nationalCode = Form.useWatch('nationalCode', form);
  const mobile = Form.useWatch('mobile', form);
  const name = (n: Named) => (lang === 'fa' ? n.nameFa : n.nameEn);
  const call = (useLocation().state as { call?: IncomingCall } | null)?.call;
  const poppedCall = useRef<string | undefined>(undefined);

  // The caller's earlier and open requests, as soon as the national code (or else the mobile) is complete.
  const callerKey = isValidNationalCode(codeDigits(nationalCode))
    ? { nationalCode: codeDigits(nationalCode) }
    : mobile && isValidIranianMobile(mobile)
      ? { mobile: toAsciiDigits(mobile) }
      : undefined;
  const earlier = useQuery({
    queryKey: ['caller', callerKey],
    enabled: callerKey !== undefined,
    queryFn: () =>
      api<{ items: EarlierRequest[] }>('POST', '/api/requests/search', {
        token: session?.accessToken,
        body: callerKey,
      }),
  });

  const catalog = useQuery({
    queryKey: ['catalog'],
    queryFn: () => api<Catalog>('GET', '/api/catalog', { token: session?.accessToken }),
    staleTime: Infinity,
  });

  const register = useMutation({
    mutationFn: (values: FormValues) =>
      api<Registered>('POST', '/api/requests', {
        token: session?.accessToken,
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: {
          channel: values.channel,
          kind: values.kind,
          collective: false,
          citizens: [{ nationalCode: values.nationalCode, fullName: values.fullName, mobile: values.mobile }],
          countyCode: values.countyCode,
          categoryCode: values.categoryCode,
          description: values.description,
        },
      }),
    onSuccess: setDone,
    onError: (error) => {
      const errors = fieldErrors(error, lang);
      form.setFields(
        Object.entries(errors)
          .filter(([field]) => form.getFieldInstance(field as keyof FormValues) !== undefined)
          .map(([field, messages]) => ({ name: field as keyof FormValues, errors: messages })),
      );
    },
  });

  useEffect(() => {
    if (!done) first.current?.focus();
  }, [done]);

  // Screen pop: a new answered call opens a fresh form for the caller's mobile, which brings up the caller's
  // earlier requests; the operator asks for the national code next.
  useEffect(() => {
    if (!call || poppedCall.current === call.callId) return;
    if (done) {
      setDone(undefined); // the form mounts again, and this runs once more
      return;
    }
    poppedCall.current = call.callId;
    form.resetFields();
    form.setFieldsValue({ mobile: digits(call.mobile, lang), channel: 'phone' });
    first.current?.focus();
  }, [call, done, form, lang]);

  // The national code's state while typing: nothing yet, too short, a wrong check digit, or valid.
  const code = codeDigits(nationalCode);
  const codeState =
    code.length === 0
      ? undefined
      : code.length < 10
        ? { status: 'validating' as const, help: digits(`${code.length}/10`, lang) }
        : isValidNationalCode(code)
          ? { status: 'success' as const, help: t.nationalCodeOk }
          : { status: 'error' as const, help: t.nationalCodeCheck };

  if (done) {
    return (
      <Card>
        <Result
          status="success"
          title={t.registered}
          subTitle={t.readBack}
          extra={[
            <div key="code">
              <Typography.Text type="secondary">{t.trackingCode}</Typography.Text>
              <div>
                <output className="tracking-code" data-testid="tracking-code" aria-live="polite">
                  {groupedCode(done.trackingCode, lang)}
                </output>
              </div>
            </div>,
            done.possibleDuplicates && done.possibleDuplicates.length > 0 && (
              <Alert
                key="duplicates"
                type="warning"
                message={t.possibleDuplicates}
                description={done.possibleDuplicates.map((d) => groupedCode(d.trackingCode, lang)).join('، ')}
              />
            ),
            <Button
              key="again"
              type="primary"
              autoFocus
              onClick={() => {
                form.resetFields();
                setDone(undefined);
              }}
            >
              {t.registerAnother}
            </Button>,
          ]}
        />
      </Card>
    );
  }

  const options = (list: Named[] | undefined) => (list ?? []).map((n) => ({ value: n.code, label: name(n) }));
  const vocab = (codes: string[]) => codes.map((c) => ({ value: c, label: vocabulary[c]?.[lang] ?? c }));

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.registerTitle}
      </Typography.Title>
      {catalog.isError && <Alert type="error" role="alert" message={problemMessage(catalog.error, lang)} />}
      {call && (
        <Alert
          type="info"
          showIcon
          role="status"
          data-testid="incoming-call"
          message={
            <>
              {t.incomingCall} <span dir="ltr">{digits(call.mobile, lang)}</span>
            </>
          }
          description={t.incomingCallHint}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ channel: 'phone', kind: 'complaint' }}
        onFinish={(values) => register.mutate(values)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={t.nationalCode}
              name="nationalCode"
              hasFeedback
              validateStatus={codeState?.status}
              help={codeState?.help}
              rules={[
                { required: true, message: t.required },
                {
                  validator: (_, value: string) =>
                    !value || isValidNationalCode(value)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t.nationalCodeCheck)),
                },
              ]}
            >
              <Input ref={first} inputMode="numeric" autoComplete="off" data-testid="nationalCode" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t.mobile}
              name="mobile"
              rules={[
                { required: true, message: t.required },
                {
                  validator: (_, value: string) =>
                    !value || isValidIranianMobile(value)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t.mobileInvalid)),
                },
              ]}
            >
              <Input inputMode="tel" autoComplete="off" data-testid="mobile" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t.fullName} name="fullName" rules={[{ required: true, message: t.required }]}>
              <Input autoComplete="off" data-testid="fullName" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t.channel} name="channel" rules={[{ required: true, message: t.required }]}>
              <Select options={vocab(['phone', 'desk', 'trip_letter', 'web'])} data-testid="channel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t.kind} name="kind" rules={[{ required: true, message: t.required }]}>
              <Select options={vocab(['request', 'complaint', 'demand'])} data-testid="kind" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t.county} name="countyCode" rules={[{ required: true, message: t.required }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={options(catalog.data?.counties)}
                loading={catalog.isLoading}
                data-testid="county"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              label={t.category}
              name="categoryCode"
              rules={[{ required: true, message: t.required }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={options(catalog.data?.categories)}
                loading={catalog.isLoading}
                data-testid="category"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label={t.description}
              name="description"
              rules={[{ required: true, message: t.required }]}
            >
              <Input.TextArea
                rows={4}
                maxLength={4000}
                showCount={{ formatter: ({ count, maxLength }) => digits(`${count} / ${maxLength}`, lang) }}
                data-testid="description"
              />
            </Form.Item>
          </Col>
        </Row>
        {callerKey && earlier.data && (
          <Card
            size="small"
            title={t.earlierRequests}
            data-testid="caller-history"
            style={{ marginBottom: 16 }}
          >
            <List
              size="small"
              // antd greys the empty text below AA contrast; the secondary text colour meets it.
              locale={{
                emptyText: <Typography.Text type="secondary">{t.noEarlierRequests}</Typography.Text>,
              }}
              dataSource={earlier.data.items}
              renderItem={(item) => (
                <List.Item>
                  <span dir="ltr">{groupedCode(item.trackingCode, lang)}</span>
                  <span>{name(item.category)}</span>
                  <Tag color={item.status === 'closed' ? undefined : '#0b5394'}>
                    {lang === 'fa' ? item.statusFa : (vocabulary[item.status]?.en ?? item.status)}
                  </Tag>
                  <span>{jalali(item.registeredAt, lang)}</span>
                </List.Item>
              )}
            />
          </Card>
        )}
        {register.isError && (
          <Alert
            type="error"
            role="alert"
            message={problemMessage(register.error, lang)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={register.isPending} size="large">
          {t.submitRegister}
        </Button>
      </Form>
    </Card>
  );
}
