import { DomainError } from '../../shared/domain-error';
import type { AddAttachment } from '../request.commands';
import { evolve, initialState } from '../request.evolve';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { addAttachment } from './add-attachment.decision';
import { registerRequest } from './register-request.decision';

const now = new Date('2026-12-02T08:00:00Z');
const registered = (): RequestState => {
  const events = registerRequest(
    {
      type: 'RegisterRequest',
      data: {
        trackingCode: '1000000005',
        now,
        kind: 'demand',
        channel: 'trip_letter',
        collective: false,
        citizens: [{ nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' }],
        countyCode: 'BND',
        categoryCode: 'WAT-CUT',
        description: 'نامه',
        registeredBy: 'op-1',
        campaign: {
          campaignId: 'c-1',
          letterNumber: '۱۲۳',
          letterDate: '2026-12-01',
          targetAt: '2026-12-03T20:29:59.999Z',
        },
      },
    },
    initialState(),
  );
  return events.reduce(evolve, initialState());
};
const command = (data: Partial<AddAttachment['data']> = {}): AddAttachment => ({
  type: 'AddAttachment',
  data: {
    trackingCode: '1000000005',
    now,
    attachmentId: 'a-1',
    contentType: 'application/pdf',
    size: 1200,
    sha256: 'b'.repeat(64),
    addedBy: 'op-1',
    ...data,
  },
});

describe('AddAttachment', () => {
  it('records what the file is, never its content; a repeat records nothing', () => {
    const state = registered();
    expect(state).toMatchObject({ campaign: { campaignId: 'c-1', targetAt: '2026-12-03T20:29:59.999Z' } });
    const events = addAttachment(command(), state);
    expect(events).toEqual<RequestEvent[]>([
      {
        type: 'AttachmentAdded',
        data: {
          trackingCode: '1000000005',
          attachmentId: 'a-1',
          contentType: 'application/pdf',
          size: 1200,
          sha256: 'b'.repeat(64),
          addedBy: 'op-1',
          at: now.toISOString(),
        },
      },
    ]);
    expect(addAttachment(command(), events.reduce(evolve, state))).toEqual([]);
  });

  it('refuses other types, empty files, bad digests and unknown requests', () => {
    expect(() => addAttachment(command({ contentType: 'application/x-executable' }), registered())).toThrow(
      DomainError,
    );
    expect(() => addAttachment(command({ size: 0 }), registered())).toThrow(DomainError);
    expect(() => addAttachment(command({ sha256: 'xyz' }), registered())).toThrow(DomainError);
    expect(() => addAttachment(command(), initialState())).toThrow(/no request/);
  });
});
