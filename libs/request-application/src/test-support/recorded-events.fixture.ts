// A registration decided by the real decider, and recorded events around it, for the library's unit specs.
import type { RecordedEvent } from '@samad/event-store';
import { decide, initialState, requestStreamName, trackingCodeFromNumber } from '@samad/request-lifecycle';

export const trackingCode = trackingCodeFromNumber(42);
export const [registered] = decide(
  {
    type: 'RegisterRequest',
    data: {
      trackingCode,
      kind: 'complaint',
      channel: 'phone',
      collective: false,
      citizens: [{ nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' }],
      countyCode: 'MIN',
      categoryCode: 'WAT-CUT',
      description: 'قطعی آب در محله‌ی ما',
      registeredBy: 'operator1',
      now: new Date('2024-10-15T05:30:00.000Z'),
    },
  },
  initialState(),
);

/** A stored event as an adapter reads it back. */
export const recorded = (type: string, data: unknown, revision = 0n): RecordedEvent => ({
  id: `00000000-0000-4000-8000-00000000000${revision}`,
  type,
  data,
  metadata: { actor: { id: 'operator1', role: 'operator' }, correlationId: 'corr-1' },
  streamId: requestStreamName(trackingCode),
  streamRevision: revision,
  position: { commit: 7n, prepare: 7n },
  recordedAt: new Date('2024-10-15T05:30:01.000Z'),
  hash: '',
});
