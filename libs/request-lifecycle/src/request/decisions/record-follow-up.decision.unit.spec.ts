import { DomainError } from '../../shared/domain-error';
import { commands, events, history, spec, T, thrownWith } from '../test-support/request.fixtures';

describe('RecordFollowUp', () => {
  describe('accepted', () => {
    it.each([
      ['registered', history.registered()],
      ['awaiting manual routing', history.awaitingManualRouting()],
      ['acknowledged', history.acknowledged()],
      ['returned', history.returned()],
      ['answered', history.answered()],
    ])('records a follow-up on a %s request', (_status, given) => {
      spec(given).when(commands.recordFollowUp()).then(events.followUpRecorded());
    });

    it('records a second follow-up with the same words at another time: each call counts', () => {
      spec([...history.acknowledged(), events.followUpRecorded()])
        .when(commands.recordFollowUp({ channel: 'web', now: new Date(T.answered) }))
        .then(events.followUpRecorded({ channel: 'web', at: T.answered }));
    });
  });

  describe('text hygiene', () => {
    it('stores the note without bidirectional overrides or zero-width characters, keeping the ZWNJ', () => {
      spec(history.acknowledged())
        .when(commands.recordFollowUp({ note: '\u202eشهروند\u200b می\u200cخواهد\u2066 بداند\ufeff' }))
        .then(events.followUpRecorded({ note: 'شهروند می\u200cخواهد بداند' }));
    });

    it('refuses a note made only of invisible formatting as blank', () => {
      spec(history.acknowledged())
        .when(commands.recordFollowUp({ note: '\u202e\u200b\u2060\u200f' }))
        .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'note'));
    });
  });

  describe('idempotent repeat', () => {
    it('does nothing for an exact replay of the last follow-up', () => {
      spec([...history.acknowledged(), events.followUpRecorded()])
        .when(commands.recordFollowUp())
        .thenNothingHappened();
    });
  });

  describe('refused', () => {
    it('refuses a blank note and an unknown channel', () => {
      spec(history.acknowledged())
        .when(commands.recordFollowUp({ note: '' }))
        .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'note'));
      spec(history.acknowledged())
        .when(commands.recordFollowUp({ channel: 'sms' as never }))
        .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'channel'));
    });

    it('refuses an unknown request and a closed one', () => {
      spec([]).when(commands.recordFollowUp()).thenThrows(DomainError, thrownWith('REQUEST_NOT_FOUND'));
      spec(history.closed())
        .when(commands.recordFollowUp())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
    });
  });
});
