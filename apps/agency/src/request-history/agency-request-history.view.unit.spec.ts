import type { RecordedEvent } from '@samad/event-store';
import { toAgencyHistory } from './agency-request-history.view';

let revision = 0n;
const recorded = (
  type: string,
  data: object,
  actor = { id: 'staff.abfa', role: 'agency_staff' },
): RecordedEvent => ({
  id: `event-${revision}`,
  type,
  data: { trackingCode: '1000000170', ...data },
  metadata: { actor },
  streamId: 'request-1000000170',
  streamRevision: revision++,
  position: { commit: revision, prepare: revision },
  recordedAt: new Date('2025-03-21T08:00:00.000Z'),
  hash: '',
});

const registered = () =>
  recorded(
    'RequestRegistered',
    {
      kind: 'complaint',
      channel: 'phone',
      collective: false,
      citizens: [{ nationalCode: '0012345679', fullName: 'زهرا کریمی', mobile: '09171234567' }],
      countyCode: 'BND',
      categoryCode: 'WAT-CUT',
      description: 'آب قطع است',
      registeredAt: '2025-03-21T08:00:00.000Z',
      registeredBy: 'operator.1',
      priority: 'normal',
    },
    { id: 'operator.1', role: 'operator' },
  );
const routedTo = (agencyCode: string) =>
  recorded(
    'RequestRoutedToAgency',
    { agencyCode, dueAt: '2025-03-24T08:00:00.000Z', routedBy: 'rule', at: '2025-03-21T08:01:00.000Z' },
    { id: 'routing', role: 'system' },
  );

describe('toAgencyHistory', () => {
  beforeEach(() => (revision = 0n));

  it('shows the centre’s and other agencies’ steps by kind and time only, never the citizen', () => {
    const history = toAgencyHistory('1000000170', 'ABFA', [
      registered(),
      routedTo('BARGH'),
      recorded('RequestReturnedAsNotResponsible', {
        agencyCode: 'BARGH',
        reason: 'مربوط به آبفا است',
        at: 'x',
      }),
      routedTo('ABFA'),
    ]);
    expect(history.events.map((e) => Object.keys(e).sort())).toEqual([
      ['at', 'atJalali', 'revision', 'type'],
      ['at', 'atJalali', 'revision', 'type'],
      ['at', 'atJalali', 'revision', 'type'],
      ['actor', 'at', 'atJalali', 'dueAt', 'revision', 'type'],
    ]);
    expect(JSON.stringify(history)).not.toMatch(/زهرا|0917|آب قطع|مربوط به آبفا/);
  });

  it('names who asked the citizen what, and waits for the answer until it is supplied', () => {
    const asked = recorded('InformationRequested', {
      agencyCode: 'ABFA',
      question: 'پلاک منزل را بفرمایید',
      requestedBy: 'staff.abfa',
      dueAt: '2025-03-24T08:00:00.000Z',
      at: '2025-03-21T09:00:00.000Z',
    });
    const before = toAgencyHistory('1000000170', 'ABFA', [registered(), routedTo('ABFA'), asked]);
    expect(before.events[2]).toMatchObject({
      type: 'InformationRequested',
      actor: { id: 'staff.abfa', role: 'agency_staff' },
      note: 'پلاک منزل را بفرمایید',
    });
    expect(before.waiting).toEqual({ information: { requestedAt: '2025-03-21T09:00:00.000Z' } });

    const supplied = recorded('InformationSupplied', {
      agencyCode: 'ABFA',
      information: 'پلاک ۱۲، کوچه ۳',
      suppliedBy: 'operator.1',
      requestedAt: '2025-03-21T09:00:00.000Z',
      at: '2025-03-21T10:00:00.000Z',
    });
    const after = toAgencyHistory('1000000170', 'ABFA', [registered(), routedTo('ABFA'), asked, supplied]);
    expect(after.waiting).toEqual({});
    expect(JSON.stringify(after)).not.toContain('پلاک ۱۲');
  });

  it('waits for a supervisor on the extension it asked for, with the proposed date', () => {
    const history = toAgencyHistory('1000000170', 'ABFA', [
      registered(),
      routedTo('ABFA'),
      recorded('ExtensionRequested', {
        agencyCode: 'ABFA',
        extensionId: 'e1',
        proposedDueAt: '2025-04-10T08:00:00.000Z',
        currentDueAt: '2025-03-24T08:00:00.000Z',
        reason: 'بازدید میدانی لازم است',
        requestedBy: 'staff.abfa',
        at: '2025-03-21T09:00:00.000Z',
      }),
    ]);
    expect(history.waiting).toEqual({ extension: { proposedDueAt: '2025-04-10T08:00:00.000Z' } });
    expect(history.events[2]).toMatchObject({
      note: 'بازدید میدانی لازم است',
      dueAt: '2025-04-10T08:00:00.000Z',
    });
  });
});
