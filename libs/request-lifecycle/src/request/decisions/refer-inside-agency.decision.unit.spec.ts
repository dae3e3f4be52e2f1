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

describe('ReferInsideAgency', () => {
  describe('accepted', () => {
    it('refers an acknowledged request to a unit', () => {
      spec(history.acknowledged())
        .when(commands.referInsideAgency())
        .then(events.requestReferredInsideAgency());
    });

    it('acknowledges at the same moment when referring straight from the inbox', () => {
      spec(history.routed())
        .when(commands.referInsideAgency())
        .then([events.requestAcknowledged({ at: T.referred }), events.requestReferredInsideAgency()]);
    });

    it('refers to a staff member, dropping a blank note', () => {
      spec(history.acknowledged())
        .when(commands.referInsideAgency({ unit: undefined, toStaff: 'staff-204', note: '  ' }))
        .then(events.requestReferredInsideAgency({ unit: undefined, toStaff: 'staff-204', note: undefined }));
    });

    it('refers again to another unit', () => {
      spec(history.referred())
        .when(commands.referInsideAgency({ unit: 'معاونت بهره‌برداری', now: new Date(T.followedUp) }))
        .then(events.requestReferredInsideAgency({ unit: 'معاونت بهره‌برداری', at: T.followedUp }));
    });
  });

  describe('idempotent repeat', () => {
    it('does nothing for the same referral again', () => {
      spec(history.referred())
        .when(commands.referInsideAgency({ now: new Date(T.followedUp) }))
        .thenNothingHappened();
    });
  });

  describe('refused', () => {
    it('refuses a referral to nobody', () => {
      spec(history.acknowledged())
        .when(commands.referInsideAgency({ unit: ' ', toStaff: undefined }))
        .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'unit'));
    });

    it('refuses another agency', () => {
      spec(history.acknowledged())
        .when(commands.referInsideAgency({ agencyCode: OTHER_AGENCY }))
        .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY'));
    });

    it('refuses a returned request', () => {
      spec(history.returned())
        .when(commands.referInsideAgency())
        .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY'));
    });

    it('refuses once answered, and when closed', () => {
      spec(history.answered())
        .when(commands.referInsideAgency())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_ANSWERED'));
      spec(history.closed())
        .when(commands.referInsideAgency())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
    });
  });
});
