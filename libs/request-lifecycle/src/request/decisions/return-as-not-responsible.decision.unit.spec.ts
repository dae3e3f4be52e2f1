import { DomainError } from '../../shared/domain-error';
import { commands, events, history, OTHER_AGENCY, spec, thrownWith } from '../test-support/request.fixtures';

describe('ReturnAsNotResponsible', () => {
  describe('accepted', () => {
    it.each([
      ['routed', history.routed()],
      ['acknowledged', history.acknowledged()],
      ['referred', history.referred()],
    ])('lets the holding agency return a %s request with a reason', (_status, given) => {
      spec(given).when(commands.returnAsNotResponsible()).then(events.requestReturnedAsNotResponsible());
    });
  });

  describe('idempotent repeat', () => {
    it('does nothing when the same agency returns it again for the same reason', () => {
      spec(history.returned()).when(commands.returnAsNotResponsible()).thenNothingHappened();
    });
  });

  describe('refused', () => {
    it('refuses a return without a reason', () => {
      spec(history.acknowledged())
        .when(commands.returnAsNotResponsible({ reason: '\u200c' }))
        .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'reason'));
    });

    it('refuses another agency', () => {
      spec(history.acknowledged())
        .when(commands.returnAsNotResponsible({ agencyCode: OTHER_AGENCY }))
        .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY'));
    });

    it('refuses a second return for another reason: the agency no longer holds it', () => {
      spec(history.returned())
        .when(commands.returnAsNotResponsible({ reason: 'دلیل دیگر' }))
        .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY'));
    });

    it('refuses once answered, and when closed', () => {
      spec(history.answered())
        .when(commands.returnAsNotResponsible())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_ANSWERED'));
      spec(history.closed())
        .when(commands.returnAsNotResponsible())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
    });

    it('refuses an unknown request', () => {
      spec([])
        .when(commands.returnAsNotResponsible())
        .thenThrows(DomainError, thrownWith('REQUEST_NOT_FOUND'));
    });
  });
});
