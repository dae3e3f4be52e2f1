import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
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
import type { DateObject } from 'react-multi-date-picker';
import { api, fieldErrors, idempotencyKey, problemMessage, ProblemError } from '../api';
import { isValidIranianMobile, isValidNationalCode, toAsciiDigits } from '../domain';
import { digits, groupedCode, jalali } from '../format';
import { useI18n, vocabulary } from '../i18n';
import { useSession } from '../session';
import { AttachmentsField } from './register/AttachmentsField';
import { CampaignLetterFields } from './register/CampaignLetterFields';
import { citizenRules } from './register/citizenRules';
import { FollowUpButton, FollowUpOffer, type OpenRequest } from './register/FollowUpOffer';
import { SignatoriesField, type Signatory } from './register/SignatoriesField';

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
  collective?: boolean;
  signatories?: Signatory[];
  campaignId?: string;
  letterNumber?: string;
  letterDate?: DateObject;
}

/** What the screen shows once the call is dealt with: a new request, or a follow-up of an open one. */
type Outcome = ({ kind: 'registered' } & Registered) | { kind: 'followUp'; trackingCode: string };

const FORM_FIELDS = [
  'channel',
  'kind',
  'nationalCode',
  'fullName',
  'mobile',
  'countyCode',
  'categoryCode',
  'description',
];

/** Where an API field path goes on this form: `citizens[2].mobile` is the second signatory's mobile. */
const formFieldOf = (path: string): (string | number)[] | undefined => {
  const citizen = /^citizens\[(\d+)\]\.(\w+)$/.exec(path);
  if (citizen) return ['signatories', Number(citizen[1]) - 1, citizen[2]];
  const letter = /^campaign\.(\w+)$/.exec(path);
  if (letter) return [letter[1] === 'id' ? 'campaignId' : letter[1]];
  if (path === 'citizens') return ['collective'];
  return FORM_FIELDS.includes(path) ? [path] : undefined;
};

// Problems about one field whose Problem carries only a code: shown beside that field.
const codeFields: Record<string, string> = {
  CAMPAIGN_NOT_FOUND: 'campaignId',
  CAMPAIGN_CLOSED: 'campaignId',
  CAMPAIGN_COUNTY_MISMATCH: 'countyCode',
};
const fileProblemCodes = ['ATTACHMENT_TYPE_NOT_ALLOWED', 'ATTACHMENT_TOO_LARGE'];

const registrationBody = (values: FormValues) => ({
  channel: values.channel,
  kind: values.kind,
  collective: values.collective === true,
  citizens: [
    { nationalCode: values.nationalCode, fullName: values.fullName, mobile: values.mobile },
    ...(values.collective ? (values.signatories ?? []) : []),
  ],
  countyCode: values.countyCode,
  categoryCode: values.categoryCode,
  description: values.description,
  ...(values.channel === 'trip_letter' && {
    campaign: {
      id: values.campaignId ?? '',
      letterNumber: values.letterNumber ?? '',
      // Latin digits, YYYY/MM/DD: the API reads it as a Jalali date.
      letterDate: values.letterDate
        ? `${values.letterDate.year}/${values.letterDate.month.number}/${values.letterDate.day}`
        : '',
    },
  }),
});

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
  const [done, setDone] = useState<Outcome>();
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string>();
  // Whether the last refusal was shown beside its fields (else as an alert above the button).
  const [beside, setBeside] = useState(false);
  const first = useRef<InputRef>(null);
  const nationalCode = Form.useWatch('nationalCode', form);
  const mobile = Form.useWatch('mobile', form);
  const channel = Form.useWatch('channel', form);
  const collective = Form.useWatch('collective', form);
  const countyCode = Form.useWatch('countyCode', form);
  const categoryCode = Form.useWatch('categoryCode', form);
  const rules = citizenRules(t);
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

  // The caller's open requests in this category and county: a follow-up may be what the call is (ADR 27).
  const duplicates = useQuery({
    queryKey: ['possible-duplicates', callerKey, countyCode, categoryCode],
    enabled: callerKey !== undefined && Boolean(countyCode) && Boolean(categoryCode),
    queryFn: () =>
      api<{ items: OpenRequest[] }>('POST', '/api/requests/possible-duplicates', {
        token: session?.accessToken,
        body: { ...callerKey, countyCode, categoryCode },
      }),
  });

  const catalog = useQuery({
    queryKey: ['catalog'],
    queryFn: () => api<Catalog>('GET', '/api/catalog', { token: session?.accessToken }),
    staleTime: Infinity,
  });

  const register = useMutation({
    mutationFn: (values: FormValues) => {
      const body = registrationBody(values);
      // With files, one multipart call (ADR 29): the `registration` JSON part, then each file.
      const multipart = files.length > 0 ? new FormData() : undefined;
      if (multipart) {
        multipart.append('registration', JSON.stringify(body));
        files.forEach((file) => multipart.append('files', file, file.name));
      }
      return api<Registered>('POST', '/api/requests', {
        token: session?.accessToken,
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: multipart ?? body,
      });
    },
    onSuccess: (registered) => setDone({ kind: 'registered', ...registered }),
    onError: (error) => {
      const code = error instanceof ProblemError ? error.problem.code : undefined;
      let aboutFiles = code !== undefined && fileProblemCodes.includes(code);
      if (aboutFiles) setFileError(problemMessage(error, lang));
      const fields = Object.entries(fieldErrors(error, lang)).flatMap(([path, errors]) => {
        if (path === 'files') {
          setFileError(errors.join('، '));
          aboutFiles = true;
        }
        const name = formFieldOf(path);
        return name ? [{ name, errors }] : [];
      });
      if (code && codeFields[code])
        fields.push({ name: [codeFields[code]], errors: [problemMessage(error, lang)] });
      // The paths are this form's own (formFieldOf); antd's types know only top-level names.
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setBeside(aboutFiles || fields.length > 0);
    },
  });

  // A follow-up of an open request instead of a new one: the description typed is its note.
  const followUp = useMutation({
    mutationFn: async (trackingCode: string) => {
      const { description } = await form.validateFields(['description']);
      return api<{ trackingCode: string }>('POST', `/api/requests/${trackingCode}/follow-ups`, {
        token: session?.accessToken,
        body: { note: description, channel: form.getFieldValue('channel') as string },
      });
    },
    onSuccess: (recorded) => setDone({ kind: 'followUp', trackingCode: recorded.trackingCode }),
  });
  const followUpError = followUp.error instanceof ProblemError ? followUp.error : undefined;

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
    setFiles([]);
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

  const startAgain = () => {
    form.resetFields();
    setFiles([]);
    setFileError(undefined);
    register.reset();
    followUp.reset();
    setDone(undefined);
  };

  if (done?.kind === 'followUp') {
    return (
      <Card>
        <Result
          status="success"
          title={t.followUpRecorded}
          subTitle={t.followUpOf}
          extra={[
            <output key="code" className="tracking-code" data-testid="follow-up-recorded" aria-live="polite">
              {groupedCode(done.trackingCode, lang)}
            </output>,
            <div key="again">
              <Button type="primary" autoFocus onClick={startAgain}>
                {t.registerAnother}
              </Button>
            </div>,
          ]}
        />
      </Card>
    );
  }

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
            <Button key="again" type="primary" autoFocus onClick={startAgain}>
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
              rules={rules.nationalCode}
            >
              <Input ref={first} inputMode="numeric" autoComplete="off" data-testid="nationalCode" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t.mobile} name="mobile" rules={rules.mobile}>
              <Input inputMode="tel" autoComplete="off" data-testid="mobile" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t.fullName} name="fullName" rules={rules.fullName}>
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
          {channel === 'trip_letter' && <CampaignLetterFields />}
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
          <Col span={24}>
            <Form.Item name="collective" valuePropName="checked">
              <Checkbox
                data-testid="collective"
                onChange={(event) => {
                  const signatories = form.getFieldValue('signatories') as Signatory[] | undefined;
                  // A collective request has at least two citizens: the first further one is ready to type.
                  if (event.target.checked && !signatories?.length)
                    form.setFieldValue('signatories', [{ nationalCode: '', mobile: '', fullName: '' }]);
                }}
              >
                {t.collective}
              </Checkbox>
            </Form.Item>
          </Col>
        </Row>
        {collective && <SignatoriesField />}
        <AttachmentsField
          files={files}
          onChange={(chosen) => {
            setFiles(chosen);
            if (chosen.length === 0) setFileError(undefined);
          }}
          error={fileError}
          onRefused={setFileError}
        />
        {duplicates.data && duplicates.data.items.length > 0 && (
          <FollowUpOffer
            duplicates={duplicates.data.items}
            recording={followUp.isPending ? followUp.variables : undefined}
            onFollowUp={(code) => followUp.mutate(code)}
          />
        )}
        {followUpError && (
          <Alert
            type="error"
            role="alert"
            message={problemMessage(followUpError, lang)}
            style={{ marginBottom: 16 }}
          />
        )}
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
                  {item.status !== 'closed' && (
                    <FollowUpButton
                      trackingCode={item.trackingCode}
                      recording={followUp.isPending ? followUp.variables : undefined}
                      onFollowUp={(code) => followUp.mutate(code)}
                    />
                  )}
                </List.Item>
              )}
            />
          </Card>
        )}
        {register.isError && !beside && (
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
