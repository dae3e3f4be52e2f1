import { daysOverdue, toOverdueRequest } from './overdue-requests.report';

const HOUR = 60 * 60 * 1000;

describe('daysOverdue', () => {
  const due = new Date('2025-03-21T06:30:00Z');

  it('counts whole days elapsed since the due date', () => {
    expect(daysOverdue(due, new Date(due.getTime() + HOUR))).toBe(0);
    expect(daysOverdue(due, new Date(due.getTime() + 24 * HOUR))).toBe(1);
    expect(daysOverdue(due, new Date(due.getTime() + 71 * HOUR))).toBe(2);
  });

  it('is never negative', () => {
    expect(daysOverdue(due, new Date(due.getTime() - 5 * 24 * HOUR))).toBe(0);
  });
});

describe('toOverdueRequest', () => {
  it('names the agency, county and category and shows the due date in the Jalali calendar', () => {
    const view = toOverdueRequest(
      {
        tracking_code: '1000000170',
        agency_code: 'ABFA',
        county_code: 'MIN',
        category_code: 'WAT-CUT',
        status: 'acknowledged',
        kind: 'complaint',
        channel: 'phone',
        registered_at: new Date('2025-03-10T05:00:00Z'),
        routed_at: new Date('2025-03-10T05:01:00Z'),
        due_at: new Date('2025-03-13T05:01:00Z'),
        follow_up_count: 2,
        escalation_level: 1,
      },
      new Date('2025-03-16T06:00:00Z'),
    );
    expect(view).toEqual({
      trackingCode: '1000000170',
      agency: {
        code: 'ABFA',
        nameFa: 'شرکت آب و فاضلاب استان هرمزگان',
        nameEn: 'Provincial Water and Wastewater Company',
      },
      county: { code: 'MIN', nameFa: 'میناب', nameEn: 'Minab' },
      category: { code: 'WAT-CUT', nameFa: 'قطعی آب', nameEn: 'Water outage' },
      status: 'acknowledged',
      kind: 'complaint',
      channel: 'phone',
      registeredAt: '2025-03-10T05:00:00.000Z',
      routedAt: '2025-03-10T05:01:00.000Z',
      dueAt: '2025-03-13T05:01:00.000Z',
      dueAtJalali: expect.stringContaining('اسفند ۱۴۰۳'),
      daysOverdue: 3,
      followUpCount: 2,
      escalationLevel: 1,
    });
  });
});
