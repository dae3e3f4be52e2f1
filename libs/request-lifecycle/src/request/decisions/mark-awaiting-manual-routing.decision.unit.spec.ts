import { DomainError } from '../../shared/domain-error';
import { commands, events, history, spec, T, thrownWith } from '../test-support/request.fixtures';

describe('MarkAwaitingManualRouting', () => {
  describe('accepted', () => {
    it('queues a registered request for a supervisor when no rule matches', () => {
      spec(history.registered())
        .when(commands.markAwaitingManualRouting())
        .then(events.requestAwaitingManualRouting());
    });

    it('queues a returned request when no agency is left to try', () => {
      spec(history.returned())
        .when(
          commands.markAwaitingManualRouting({
            reason: 'همه سازمان‌های مرتبط برگشت زدند',
            now: new Date(T.rerouted),
          }),
        )
        .then(
          events.requestAwaitingManualRouting({ reason: 'همه سازمان‌های مرتبط برگشت زدند', at: T.rerouted }),
        );
    });
  });

  describe('idempotent repeat', () => {
    it('does nothing when marked again for the same reason', () => {
      spec(history.awaitingManualRouting())
        .when(commands.markAwaitingManualRouting({ now: new Date(T.acknowledged) }))
        .thenNothingHappened();
    });
  });

  describe('refused', () => {
    it('refuses a second, different reason', () => {
      spec(history.awaitingManualRouting())
        .when(commands.markAwaitingManualRouting({ reason: 'category unknown' }))
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_AWAITING_MANUAL_ROUTING'));
    });

    it('refuses a request an agency holds', () => {
      spec(history.routed())
        .when(commands.markAwaitingManualRouting())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_ROUTED'));
    });

    it('refuses an answered request', () => {
      spec(history.answered())
        .when(commands.markAwaitingManualRouting())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_ANSWERED'));
    });

    it('refuses a blank reason', () => {
      spec(history.registered())
        .when(commands.markAwaitingManualRouting({ reason: ' ' }))
        .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'reason'));
    });

    it('refuses an unknown request and a closed one', () => {
      spec([])
        .when(commands.markAwaitingManualRouting())
        .thenThrows(DomainError, thrownWith('REQUEST_NOT_FOUND'));
      spec(history.closed())
        .when(commands.markAwaitingManualRouting())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
    });
  });
});
