import { DomainError } from '../../shared/domain-error';
import { commands, events, history, OTHER_AGENCY, spec, thrownWith } from '../test-support/request.fixtures';

describe('Acknowledge', () => {
  describe('accepted', () => {
    it('records that the holding agency has seen the request', () => {
      spec(history.routed()).when(commands.acknowledge()).then(events.requestAcknowledged());
    });
  });

  describe('idempotent repeat', () => {
    it('does nothing when the same agency acknowledges twice', () => {
      spec(history.acknowledged()).when(commands.acknowledge()).thenNothingHappened();
    });

    it('does nothing once the agency has already referred it inside', () => {
      spec(history.referred()).when(commands.acknowledge()).thenNothingHappened();
    });
  });

  describe('refused', () => {
    it('refuses another agency', () => {
      spec(history.routed())
        .when(commands.acknowledge({ agencyCode: OTHER_AGENCY }))
        .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY', 'agencyCode'));
    });

    it('refuses while no agency holds it (not routed yet, or returned)', () => {
      for (const given of [history.registered(), history.awaitingManualRouting(), history.returned()]) {
        spec(given)
          .when(commands.acknowledge())
          .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY'));
      }
    });

    it('refuses once answered', () => {
      spec(history.answered())
        .when(commands.acknowledge())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_ANSWERED'));
    });

    it('refuses an unknown request and a closed one', () => {
      spec([]).when(commands.acknowledge()).thenThrows(DomainError, thrownWith('REQUEST_NOT_FOUND'));
      spec(history.closed())
        .when(commands.acknowledge())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
    });
  });
});
