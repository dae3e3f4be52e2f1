import type { RequestEvent } from '@samad/request-lifecycle';
import { fmsStatusOf, open311Status } from './open311-status';

const at = '2026-12-02T10:00:00.000Z';
const event = (type: string, data: object = {}) =>
  ({ type, data: { trackingCode: '4939146576', at, ...data } }) as unknown as RequestEvent;

describe('Open311 statuses', () => {
  it('is closed once Samad has answered or closed, open before', () => {
    expect(open311Status('answered')).toBe('closed');
    expect(open311Status('closed')).toBe('closed');
    for (const status of [
      'registered',
      'awaiting_manual_routing',
      'routed',
      'acknowledged',
      'referred',
      'returned',
    ] as const)
      expect(open311Status(status)).toBe('open');
  });

  it.each([
    ['RequestRegistered', {}, 'OPEN'],
    ['RequestRoutedToAgency', {}, 'INTERNAL_REFERRAL'],
    ['RequestAcknowledged', {}, 'INVESTIGATING'],
    ['RequestReferredInsideAgency', {}, 'IN_PROGRESS'],
    ['ExtensionApproved', {}, 'ACTION_SCHEDULED'],
    ['RequestReturnedAsNotResponsible', {}, 'NOT_COUNCILS_RESPONSIBILITY'],
    ['RequestAnswered', { outcome: 'positive' }, 'FIXED'],
    ['RequestAnswered', { outcome: 'negative' }, 'NO_FURTHER_ACTION'],
    ['RequestAnswered', { outcome: 'partial' }, 'CLOSED'],
    ['AnswerObjected', {}, 'REOPEN'],
    ['RequestClosed', { reason: 'duplicate', duplicateOf: '1234567890' }, 'DUPLICATE'],
    ['RequestClosed', { reason: 'withdrawn' }, 'CLOSED'],
  ])('maps %s %j to %s', (type, data, status) => {
    expect(fmsStatusOf(event(type, data), 'routed')).toBe(status);
  });

  it('publishes no staff-only fact, and a follow-up keeps the request’s side', () => {
    for (const type of [
      'DeadlineApproaching',
      'DeadlineMissed',
      'RequestEscalated',
      'AnswerRated',
      'ExtensionRequested',
      'PersonalDataErased',
    ])
      expect(fmsStatusOf(event(type), 'routed')).toBeUndefined();
    expect(fmsStatusOf(event('FollowUpRecorded'), 'acknowledged')).toBe('IN_PROGRESS');
    expect(fmsStatusOf(event('FollowUpRecorded'), 'closed')).toBe('CLOSED');
  });
});
