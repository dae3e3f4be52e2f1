import { DomainError } from '../../shared/domain-error';
import {
  commands,
  events,
  history,
  OTHER_AGENCY,
  spec,
  T,
  thrownWith,
} from '../test-support/request.fixtures';

describe('Answer', () => {
  describe('accepted', () => {
    it('answers an acknowledged request', () => {
      spec(history.acknowledged()).when(commands.answer()).then(events.requestAnswered());
    });

    it('answers a referred request negatively, with the reason in the text', () => {
      spec(history.referred())
        .when(commands.answer({ outcome: 'negative', text: 'در برنامه سال آینده است.' }))
        .then(events.requestAnswered({ outcome: 'negative', text: 'در برنامه سال آینده است.' }));
    });

    it('acknowledges at the same moment when answering straight from the inbox', () => {
      spec(history.routed())
        .when(commands.answer({ outcome: 'partial' }))
        .then([
          events.requestAcknowledged({ at: T.answered }),
          events.requestAnswered({ outcome: 'partial' }),
        ]);
    });

    it('normalises the answer text', () => {
      spec(history.acknowledged())
        .when(commands.answer({ text: '  لوله اصلي   ترميم و آب وصل شد.  ' }))
        .then(events.requestAnswered());
    });
  });

  describe('idempotent repeat', () => {
    it('does nothing when the same answer is sent again', () => {
      spec(history.answered())
        .when(commands.answer({ now: new Date(T.closed) }))
        .thenNothingHappened();
    });
  });

  describe('refused', () => {
    it.each(['', '   ', '\u200c\u200c'])('refuses an empty answer text (%j)', (text) => {
      spec(history.acknowledged())
        .when(commands.answer({ text }))
        .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'text'));
    });

    it('refuses an unknown outcome', () => {
      spec(history.acknowledged())
        .when(commands.answer({ outcome: 'maybe' as never }))
        .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'outcome'));
    });

    it('refuses a different second answer', () => {
      spec(history.answered())
        .when(commands.answer({ outcome: 'negative' }))
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_ANSWERED'));
    });

    it('refuses an agency that does not hold it, before or after the answer', () => {
      spec(history.acknowledged())
        .when(commands.answer({ agencyCode: OTHER_AGENCY }))
        .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY'));
      spec(history.answered())
        .when(commands.answer({ agencyCode: OTHER_AGENCY }))
        .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY'));
    });

    it('refuses while no agency holds it', () => {
      spec(history.registered())
        .when(commands.answer())
        .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY'));
      spec(history.returned())
        .when(commands.answer())
        .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY'));
    });

    it('refuses a closed request', () => {
      spec(history.closed())
        .when(commands.answer())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
    });
  });
});
