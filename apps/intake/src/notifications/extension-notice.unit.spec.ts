import { IntegrationEventTypes, type RequestLifecycleIntegrationEventV1 } from '@samad/events';
import { noticeOf } from './citizen-notices';

const fact = (eventType: string, data: object) =>
  ({ eventType, eventVersion: 1, data }) as unknown as RequestLifecycleIntegrationEventV1;
const about = {
  trackingCode: '1405000127',
  agencyCode: 'ABFA',
  extensionId: 'ext-1',
  at: '2026-12-02T08:00:00.000Z',
};

describe("the citizen's notice of an extension (ADR 24)", () => {
  it('tells the new due date when an extension is approved', () => {
    const approved = fact(IntegrationEventTypes.requestExtensionApproved, {
      ...about,
      dueAt: '2026-12-09T08:00:00.000Z',
      previousDueAt: '2026-12-03T08:00:00.000Z',
      decidedBy: 'supervisor-4',
    });
    expect(noticeOf(approved)).toEqual({
      kind: 'deadline_extended',
      trackingCode: '1405000127',
      dueAt: '2026-12-09T08:00:00.000Z',
    });
  });

  it('says nothing of a request for more time, or a refusal', () => {
    const requested = fact(IntegrationEventTypes.requestExtensionRequested, {
      ...about,
      proposedDueAt: '2026-12-09T08:00:00.000Z',
      currentDueAt: '2026-12-03T08:00:00.000Z',
      requestedBy: 'staff-1',
    });
    const refused = fact(IntegrationEventTypes.requestExtensionRefused, {
      ...about,
      decidedBy: 'supervisor-4',
    });
    expect(noticeOf(requested)).toBeUndefined();
    expect(noticeOf(refused)).toBeUndefined();
  });
});
