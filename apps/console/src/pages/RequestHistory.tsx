import { Alert, Tag, Timeline, Typography } from 'antd';
import { problemMessage } from '../api';
import { jalali } from '../format';
import { useI18n, vocabulary } from '../i18n';

/** A request's steps as GET /api/agency/requests/{code}/history answers (apps/agency/src/request-history). */
export interface AgencyHistory {
  trackingCode: string;
  events: {
    revision: number;
    type: string;
    at: string;
    actor?: { id: string; role: string };
    note?: string;
    dueAt?: string;
    outcome?: string;
  }[];
  waiting: { extension?: { proposedDueAt: string }; information?: { requestedAt: string } };
}

/** The request's history as a timeline: Jalali times, what happened, and who did it for this agency's own steps. */
export function RequestHistory({ history, error }: { history?: AgencyHistory; error: unknown }) {
  const { t, lang } = useI18n();
  return (
    <section style={{ marginTop: 24 }} data-testid="request-history">
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t.requestHistory}
      </Typography.Title>
      {error ? <Alert type="error" role="alert" message={problemMessage(error, lang)} /> : null}
      {history && (
        <Timeline
          items={history.events.map((event) => ({
            key: event.revision,
            children: (
              <div data-testid="history-step">
                <Typography.Text strong>{vocabulary[event.type]?.[lang] ?? event.type}</Typography.Text>{' '}
                <Typography.Text type="secondary">{jalali(event.at, lang)}</Typography.Text>
                {event.actor && (
                  <Typography.Text type="secondary">
                    {' '}
                    — {t.by} <bdi>{event.actor.id}</bdi>
                  </Typography.Text>
                )}
                {event.outcome && (
                  <Tag style={{ marginInlineStart: 8 }}>{vocabulary[event.outcome]?.[lang]}</Tag>
                )}
                {event.note && (
                  <div dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {event.note}
                  </div>
                )}
                {event.dueAt && (
                  <div>
                    {t.due}: {jalali(event.dueAt, lang)}
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </section>
  );
}
