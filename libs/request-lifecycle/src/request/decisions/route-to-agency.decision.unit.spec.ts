import { DomainError } from '../../shared/domain-error';
import {
  AGENCY,
  commands,
  events,
  history,
  OTHER_AGENCY,
  spec,
  T,
  THIRD_AGENCY,
  thrownWith,
} from '../test-support/request.fixtures';

const reroute = { agencyCode: OTHER_AGENCY, dueAt: new Date(T.rerouteDue), now: new Date(T.rerouted) };
const rerouted = { agencyCode: OTHER_AGENCY, dueAt: T.rerouteDue, at: T.rerouted };

describe('RouteToAgency', () => {
  describe('accepted', () => {
    it('routes a registered request by rule, with the due date the caller computed', () => {
      spec(history.registered()).when(commands.routeToAgency()).then(events.requestRoutedToAgency());
    });

    it('lets a supervisor route a request that waits for manual routing (no rule id needed)', () => {
      spec(history.awaitingManualRouting())
        .when(commands.routeToAgency({ ...reroute, routedBy: 'supervisor', ruleId: undefined }))
        .then(events.requestRoutedToAgency({ ...rerouted, routedBy: 'supervisor', ruleId: undefined }));
    });

    it('routes a returned request to the next agency', () => {
      spec(history.returned())
        .when(commands.routeToAgency({ ...reroute, ruleId: 'water-fallback' }))
        .then(events.requestRoutedToAgency({ ...rerouted, ruleId: 'water-fallback' }));
    });

    it('lets a supervisor arbitrate and send it back to an agency that returned it', () => {
      spec(history.returned())
        .when(
          commands.routeToAgency({
            ...reroute,
            agencyCode: AGENCY,
            routedBy: 'supervisor',
            ruleId: undefined,
          }),
        )
        .then(
          events.requestRoutedToAgency({
            ...rerouted,
            agencyCode: AGENCY,
            routedBy: 'supervisor',
            ruleId: undefined,
          }),
        );
    });
  });

  describe('idempotent repeat', () => {
    it('does nothing for the same route again', () => {
      spec(history.routed())
        .when(commands.routeToAgency({ now: new Date(T.acknowledged) }))
        .thenNothingHappened();
    });

    it('does nothing for the same route after the agency acknowledged it', () => {
      spec(history.referred()).when(commands.routeToAgency()).thenNothingHappened();
    });
  });

  describe('refused', () => {
    it('refuses a request that was never registered', () => {
      spec([]).when(commands.routeToAgency()).thenThrows(DomainError, thrownWith('REQUEST_NOT_FOUND'));
    });

    it('refuses rerouting while an agency holds the request', () => {
      spec(history.acknowledged())
        .when(commands.routeToAgency(reroute))
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_ROUTED'));
    });

    it('refuses the same agency with another due date (that is an extension, not a route)', () => {
      spec(history.routed())
        .when(commands.routeToAgency({ dueAt: new Date(T.rerouteDue) }))
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_ROUTED'));
    });

    it('never lets the rules route back to an agency that returned it', () => {
      const returnedTwice = [
        ...history.returned(),
        events.requestRoutedToAgency(rerouted),
        events.requestReturnedAsNotResponsible({ agencyCode: OTHER_AGENCY, at: '2024-10-15T10:00:00.000Z' }),
      ];
      for (const agencyCode of [AGENCY, OTHER_AGENCY]) {
        spec(returnedTwice)
          .when(commands.routeToAgency({ agencyCode, now: new Date('2024-10-15T10:30:00Z') }))
          .thenThrows(DomainError, thrownWith('AGENCY_ALREADY_RETURNED', 'agencyCode'));
      }
      spec(returnedTwice)
        .when(commands.routeToAgency({ agencyCode: THIRD_AGENCY, now: new Date('2024-10-15T10:30:00Z') }))
        .then(events.requestRoutedToAgency({ agencyCode: THIRD_AGENCY, at: '2024-10-15T10:30:00.000Z' }));
    });

    it('refuses a due date that is not after now', () => {
      spec(history.registered())
        .when(commands.routeToAgency({ dueAt: new Date(T.routed) }))
        .thenThrows(DomainError, thrownWith('DUE_DATE_NOT_IN_FUTURE', 'dueAt'));
    });

    it('refuses a rule route without the rule id', () => {
      spec(history.registered())
        .when(commands.routeToAgency({ ruleId: undefined }))
        .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'ruleId'));
    });

    it('refuses an agency code that cannot name a topic', () => {
      spec(history.registered())
        .when(commands.routeToAgency({ agencyCode: 'آب و فاضلاب' }))
        .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'agencyCode'));
    });

    it('refuses an answered request', () => {
      spec(history.answered())
        .when(commands.routeToAgency(reroute))
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_ANSWERED'));
    });

    it('refuses a closed request', () => {
      spec(history.closed())
        .when(commands.routeToAgency())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
    });
  });
});
