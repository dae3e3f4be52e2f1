import { DomainError } from '../../shared/domain-error';
import type { RequestCommand } from '../request.commands';
import {
  commands,
  events,
  history,
  OTHER_TRACKING_CODE,
  spec,
  thrownWith,
  TRACKING_CODE,
} from '../test-support/request.fixtures';

describe('Close', () => {
  describe('accepted', () => {
    it('closes an answered request', () => {
      spec(history.answered()).when(commands.close()).then(events.requestClosed());
    });

    it('closes a duplicate, naming the original however it was typed', () => {
      const typed = OTHER_TRACKING_CODE.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
      spec(history.registered())
        .when(commands.close({ reason: 'duplicate', duplicateOf: typed, note: 'ثبت تکراری' }))
        .then(
          events.requestClosed({ reason: 'duplicate', duplicateOf: OTHER_TRACKING_CODE, note: 'ثبت تکراری' }),
        );
    });

    it('closes a request the citizen withdrew, even while an agency holds it', () => {
      spec(history.acknowledged())
        .when(commands.close({ reason: 'withdrawn' }))
        .then(events.requestClosed({ reason: 'withdrawn' }));
    });
  });

  describe('idempotent repeat', () => {
    it('does nothing when closed again for the same reason', () => {
      spec(history.closed())
        .when(commands.close({ now: new Date('2024-11-01T00:00:00Z'), note: 'again' }))
        .thenNothingHappened();
    });
  });

  describe('refused', () => {
    it('refuses to close for another reason once closed', () => {
      spec(history.closed())
        .when(commands.close({ reason: 'withdrawn' }))
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
    });

    it('refuses to close as answered without an answer', () => {
      spec(history.acknowledged())
        .when(commands.close())
        .thenThrows(DomainError, thrownWith('REQUEST_NOT_ANSWERED', 'reason'));
    });

    it('refuses a duplicate without a valid original, or of itself', () => {
      spec(history.registered())
        .when(commands.close({ reason: 'duplicate' }))
        .thenThrows(DomainError, thrownWith('INVALID_TRACKING_CODE', 'duplicateOf'));
      spec(history.registered())
        .when(commands.close({ reason: 'duplicate', duplicateOf: TRACKING_CODE }))
        .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'duplicateOf'));
    });

    it('refuses an original on a close that is not for a duplicate', () => {
      spec(history.answered())
        .when(commands.close({ duplicateOf: OTHER_TRACKING_CODE }))
        .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'duplicateOf'));
    });

    it('refuses an unknown request', () => {
      spec([]).when(commands.close()).thenThrows(DomainError, thrownWith('REQUEST_NOT_FOUND'));
    });
  });

  describe('a closed request', () => {
    const others: RequestCommand[] = [
      commands.registerRequest(),
      commands.routeToAgency(),
      commands.markAwaitingManualRouting(),
      commands.acknowledge(),
      commands.referInsideAgency(),
      commands.returnAsNotResponsible(),
      commands.answer(),
      commands.recordFollowUp(),
    ];

    it.each(others.map((command) => [command.type, command] as const))('refuses %s', (_type, command) => {
      spec(history.closed()).when(command).thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
    });
  });
});
