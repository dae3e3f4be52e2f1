import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Rate, Space, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { toAsciiDigits } from '../domain';
import { digits, groupedCode, jalali } from '../format';
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
  verdict?: { openUntil?: string; rating?: number; objected?: boolean };
}

/** Public: a citizen follows a request with its tracking code and the last four digits of their mobile. */
export function TrackPage() {
  const { t, lang } = useI18n();
  const name = (n?: Named) => (n ? (lang === 'fa' ? n.nameFa : n.nameEn) : '—');
  const [asked, setAsked] = useState<{ code: string; last4: string }>();
  const [rating, setRating] = useState(0);
  const track = useMutation({
    mutationFn: ({ code, last4 }: { code: string; last4: string }) => {
      const proof = { code: toAsciiDigits(code).replace(/[\s-]/g, ''), last4: toAsciiDigits(last4).trim() };
      setAsked(proof);
      return api<Tracked>(
        'GET',
        `/api/track/${encodeURIComponent(proof.code)}?mobileLast4=${encodeURIComponent(proof.last4)}`,
      );
    },
  });
  // The citizen's verdict on the answer (ADR 25): a rating of 1–5, or an objection that reopens it.
  const verdict = useMutation({
    mutationFn: (body: { verdict: 'rate'; rating: number } | { verdict: 'object' }) =>
      api('POST', `/api/track/${encodeURIComponent(asked!.code)}/verdict`, {
        body: { ...body, mobileLast4: asked!.last4 },
      }),
    onSuccess: () => asked && track.mutate(asked),
  });
  const found = track.data;
  const canJudge =
    found?.answer && found.verdict?.openUntil && !found.verdict.rating && !found.verdict.objected;
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
                  <Typography.Paragraph dir="auto" style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
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
            {
              key: 'verdict',
              label: t.verdict,
              children: found.verdict?.rating ? (
                <span data-testid="verdict-given">
                  {t.yourRating}: {digits(found.verdict.rating, lang)} / {digits(5, lang)}
                </span>
              ) : found.verdict?.objected ? (
                <span data-testid="verdict-given">{t.objected}</span>
              ) : canJudge ? (
                <Space wrap>
                  <Rate value={rating} onChange={setRating} aria-label={t.rate} />
                  <Button
                    type="primary"
                    disabled={rating === 0}
                    loading={verdict.isPending}
                    onClick={() => verdict.mutate({ verdict: 'rate', rating })}
                  >
                    {t.sendRating}
                  </Button>
                  <Button
                    danger
                    onClick={() => verdict.mutate({ verdict: 'object' })}
                    loading={verdict.isPending}
                  >
                    {t.object}
                  </Button>
                  <Typography.Text type="secondary">
                    {t.until} {jalali(found.verdict?.openUntil, lang)}
                  </Typography.Text>
                  {verdict.isError && (
                    <Alert type="error" role="alert" message={problemMessage(verdict.error, lang)} />
                  )}
                </Space>
              ) : found.answer ? (
                '—'
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
