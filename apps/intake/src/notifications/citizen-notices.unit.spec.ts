import { IntegrationEventTypes, type RequestLifecycleIntegrationEventV1 } from '@samad/events';
import { composeSms, noticeOf, recipientsOfRegistration } from './citizen-notices';

const settings = { trackUrl: 'https://samad.example.ir/track/{code}' };

describe('citizen notices', () => {
  it('tells the citizen the tracking code and the Jalali date at registration', () => {
    const text = composeSms(
      { kind: 'registered', trackingCode: '1405000127', at: '2026-03-21T06:00:00.000Z' },
      settings,
    );
    expect(text).toContain('کد پیگیری: 1405000127');
    expect(text).toContain('۱ فروردین ۱۴۰۵، ۹:۳۰');
    expect(text).toContain('https://samad.example.ir/track/1405000127');
    expect(text).toContain('۱۱۱');
  });

  it('tells how to see, rate or object to an answer: the lookup with the last four digits, or 111', () => {
    const text = composeSms(
      {
        kind: 'answered',
        trackingCode: '1405000127',
        agencyCode: 'ABFA',
        at: '2026-12-02T11:00:00.000Z',
      },
      settings,
    );
    expect(text).toContain('1405000127');
    expect(text).toContain('۱۱ آذر ۱۴۰۵، ۱۴:۳۰');
    expect(text).toContain('امتیاز یا اعتراض');
    expect(text).toContain('چهار رقم آخر');
    expect(text).toContain('تماس با ۱۱۱');
    expect(text).not.toContain('ABFA'); // the agency by its Persian name
  });

  it('gives the new due date of an extension in Jalali', () => {
    const text = composeSms(
      { kind: 'deadline_extended', trackingCode: '1405000127', dueAt: '2026-03-21T06:00:00.000Z' },
      settings,
    );
    expect(text).toContain('تمدید');
    expect(text).toContain('۱ فروردین ۱۴۰۵');
    expect(text).toContain('1405000127');
  });

  it('texts each mobile of a registration once and skips erased citizens', () => {
    expect(
      recipientsOfRegistration([
        { mobile: '09171234567' },
        { mobile: null },
        { mobile: '09351234567' },
        { mobile: '09171234567' },
      ]),
    ).toEqual([
      { citizenIndex: 0, mobile: '09171234567' },
      { citizenIndex: 2, mobile: '09351234567' },
    ]);
  });

  it('maps registration and answer to notices and other facts to none', () => {
    const base = { eventId: 'e', streamId: 's', streamRevision: 0, occurredAt: '', eventVersion: 1 };
    const answered = {
      ...base,
      eventType: IntegrationEventTypes.requestAnswered,
      data: {
        trackingCode: '1405000127',
        agencyCode: 'ABFA',
        outcome: 'positive',
        text: 'x',
        answeredAt: '2026-12-02T11:00:00.000Z',
      },
    } as unknown as RequestLifecycleIntegrationEventV1;
    expect(noticeOf(answered)).toEqual({
      kind: 'answered',
      trackingCode: '1405000127',
      agencyCode: 'ABFA',
      at: '2026-12-02T11:00:00.000Z',
    });
    const acknowledged = {
      ...base,
      eventType: IntegrationEventTypes.requestAcknowledged,
      data: { trackingCode: '1405000127', agencyCode: 'ABFA', at: '2026-12-02T11:00:00.000Z' },
    } as unknown as RequestLifecycleIntegrationEventV1;
    expect(noticeOf(acknowledged)).toBeUndefined();
  });
});
