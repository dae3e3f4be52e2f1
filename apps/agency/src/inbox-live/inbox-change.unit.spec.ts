import {
  IntegrationEventTypes as T,
  requestLifecycleEventTypes,
  type IntegrationEvent,
  type RequestLifecycleIntegrationEventV1,
} from '@samad/events';
import { projectIntoAgencyReadModel } from '../read-model/agency-read-model.projection';
import { inboxChangeOf, inboxChanges } from './inbox-change';

// Every field any request event's data may carry, enough for the projection to run on any of them.
const data = {
  trackingCode: '1000000170',
  agencyCode: 'ABFA',
  dueAt: '2026-12-10T06:00:00.000Z',
  answeredAt: '2026-12-04T06:00:00.000Z',
  outcome: 'resolved',
  text: 'لوله تعمیر شد',
  unit: 'امور مشترکین',
  citizenIndex: 0,
  matterId: 'matter-1',
  directiveId: 'directive-1',
  role: 'supervisor',
  late: false,
  at: '2026-12-04T06:00:00.000Z',
};

// Any type name, even one no contract knows: the feed sees whatever the topic carries.
const event = (eventType: string, fields: object = data) =>
  ({ eventType, data: fields }) as unknown as IntegrationEvent;

/** Whether the agency projection writes anything for this event (to a row an inbox screen shows). */
const projectionWrites = async (eventType: string): Promise<boolean> => {
  const queries: string[] = [];
  const sql = { query: async (text: string) => void queries.push(text) };
  const lifecycleEvent = {
    ...event(eventType),
    occurredAt: data.at,
  } as unknown as RequestLifecycleIntegrationEventV1;
  await projectIntoAgencyReadModel(sql as never, lifecycleEvent);
  return queries.length > 0;
};

describe('the change an agency inbox screen is told of (ADR 0044)', () => {
  it.each([
    [T.requestRoutedToAgency, 'assigned'],
    [T.requestAcknowledged, 'acknowledged'],
    [T.requestReferredInsideAgency, 'referred'],
    [T.requestAnswered, 'answered'],
    [T.requestReturnedAsNotResponsible, 'returned'],
    [T.requestAnswerObjected, 'reopened'],
    [T.requestDueTimeSet, 'due-changed'],
    [T.requestExtensionApproved, 'due-changed'],
    [T.requestDeadlineResumed, 'due-changed'],
    [T.requestDeadlineMissed, 'overdue'],
    [T.requestInformationRequested, 'information-requested'],
    [T.requestInformationSupplied, 'information-supplied'],
    [T.requestExtensionRequested, 'extension-requested'],
    [T.requestExtensionRefused, 'extension-refused'],
    [T.requestDirectiveIssued, 'directive'],
    [T.requestDirectiveReported, 'directive'],
    [T.requestDirectiveOverdue, 'directive'],
  ])('%s tells the agency it names: %s', (eventType, change) => {
    expect(inboxChangeOf(event(eventType))).toEqual({
      trackingCode: '1000000170',
      agencyCode: 'ABFA',
      change,
    });
  });

  it.each([
    [T.requestClosed, 'closed'],
    [T.requestMergedAsDuplicate, 'merged'],
    [T.requestLinkedToMatter, 'linked'],
    [T.requestPersonalDataErased, 'contact-erased'],
  ])('%s names no agency: it is for whichever inbox holds the request (%s)', (eventType, change) => {
    const { agencyCode: _none, ...withoutAgency } = data;
    expect(inboxChangeOf(event(eventType, withoutAgency))).toEqual({ trackingCode: '1000000170', change });
  });

  it('tells of every event the agency projection writes to the inbox for', async () => {
    // Registration only stores the details; the row (and its 'assigned') comes with the routing.
    const written = [];
    for (const type of requestLifecycleEventTypes.filter((t) => t !== T.requestRegistered))
      if (await projectionWrites(type)) written.push(type);
    expect(written.length).toBeGreaterThan(10);
    expect(written.filter((type) => inboxChangeOf(event(type)) === undefined)).toEqual([]);
  });

  it('tells nothing of what only adds to the history, nor of other topics or malformed data', () => {
    for (const type of [
      T.requestRegistered,
      T.followUpRecorded,
      T.requestAnswerRated,
      T.requestAttachmentAdded,
      T.requestSignatoryAdded,
      T.requestDuplicateAbsorbed,
      T.requestDeadlineApproaching,
      T.requestEscalated,
      T.requestAwaitingManualRouting,
      T.agencyRequestAssigned,
      'samad.request.something-new',
    ])
      expect(inboxChangeOf(event(type))).toBeUndefined();
    expect(inboxChangeOf(event(T.requestClosed, { agencyCode: 'ABFA' }))).toBeUndefined();
    expect(
      inboxChangeOf(event(T.requestAcknowledged, { trackingCode: 17, agencyCode: 'ABFA' })),
    ).toBeUndefined();
  });

  it('answers only in its vocabulary', () => {
    expect(new Set(inboxChanges).size).toBe(inboxChanges.length);
    for (const type of requestLifecycleEventTypes) {
      const told = inboxChangeOf(event(type));
      if (told) expect(inboxChanges).toContain(told.change);
    }
  });
});
