import { Alert, Button, Card, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { toAsciiDigits } from '../domain';
import { groupedCode, jalali } from '../format';
import { useI18n, vocabulary } from '../i18n';

interface Named {
  code: string;
  nameFa: string;
  nameEn: string;
}

interface Tracked {
  trackingCode: string;
  status: string;
  statusFa: string;
  category: Named;
  county: Named;
  registeredAt: string;
  agency?: Named;
  dueAt?: string;
  answer?: { outcome: string; text: string; answeredAt: string };
}

/** Public: a citizen follows a request with its tracking code and the last four digits of their mobile. */
export function TrackPage() {
  const { t, lang } = useI18n();
  const name = (n?: Named) => (n ? (lang === 'fa' ? n.nameFa : n.nameEn) : '—');
  const track = useMutation({
    mutationFn: ({ code, last4 }: { code: string; last4: string }) =>
      api<Tracked>(
        'GET',
        `/api/track/${encodeURIComponent(toAsciiDigits(code).replace(/[\s-]/g, ''))}?mobileLast4=${encodeURIComponent(
          toAsciiDigits(last4).trim(),
        )}`,
      ),
  });
  const found = track.data;
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.trackTitle}
      </Typography.Title>
      <Form layout="inline" onFinish={(values) => track.mutate(values)} requiredMark={false}>
        <Form.Item label={t.trackingCode} name="code" rules={[{ required: true, message: t.required }]}>
          <Input autoFocus inputMode="numeric" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t.mobileLast4} name="last4" rules={[{ required: true, message: t.required }]}>
          <Input inputMode="numeric" maxLength={4} style={{ width: 100 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={track.isPending}>
          {t.track}
        </Button>
      </Form>
      {track.isError && (
        <Alert
          type="error"
          role="alert"
          style={{ marginTop: 16 }}
          message={problemMessage(track.error, lang)}
        />
      )}
      {found && (
        <Descriptions
          data-testid="tracked"
          bordered
          column={1}
          style={{ marginTop: 24 }}
          items={[
            { key: 'code', label: t.trackingCode, children: groupedCode(found.trackingCode, lang) },
            {
              key: 'status',
              label: t.status,
              children: (
                <Tag color="blue">
                  {lang === 'fa' ? found.statusFa : (vocabulary[found.status]?.en ?? found.status)}
                </Tag>
              ),
            },
            { key: 'category', label: t.category, children: name(found.category) },
            { key: 'agency', label: t.agency, children: name(found.agency) },
            { key: 'registered', label: t.registeredAt, children: jalali(found.registeredAt, lang) },
            { key: 'due', label: t.due, children: jalali(found.dueAt, lang) },
            {
              key: 'answer',
              label: t.answer,
              children: found.answer ? (
                <div data-testid="tracked-answer">
                  <Tag>{vocabulary[found.answer.outcome]?.[lang] ?? found.answer.outcome}</Tag>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
                    {found.answer.text}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {t.answeredAt}: {jalali(found.answer.answeredAt, lang)}
                  </Typography.Text>
                </div>
              ) : (
                t.notYet
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
