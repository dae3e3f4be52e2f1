import { validateIntegrationEvent } from '@samad/events';
import { stateFromEvents } from './request.evolve';
import { toAgencyMessages } from './request-agency-messages.mapper';
import { extensionEvents as e } from './test-support/extension.fixtures';
import { AGENCY, history, T } from './test-support/request.fixtures';

describe("extensions and information requests on the agency's topic", () => {
  it.each([
    [[], e.extensionRequested(), 'extension_requested', T.due],
    [[e.extensionRequested()], e.extensionApproved(), 'extension_approved', '2024-10-29T05:30:00.000Z'],
    [[e.extensionRequested()], e.extensionRefused(), 'extension_refused', T.due],
    [[], e.informationRequested(), 'information_requested', T.due],
    [[e.informationRequested()], e.informationSupplied(), 'information_supplied', T.due],
    [
      [e.informationRequested(), e.informationSupplied()],
      e.deadlineResumed(),
      'deadline_resumed',
      '2024-10-23T05:30:00.000Z',
    ],
  ] as const)(
    '%#: tells the agency holding it, with the due date after the change',
    (before, event, change, dueAt) => {
      const [message] = toAgencyMessages(stateFromEvents([...history.acknowledged(), ...before]), event);
      expect(message.data).toEqual({
        trackingCode: event.data.trackingCode,
        agencyCode: AGENCY,
        change,
        status: 'acknowledged',
        at: event.data.at,
        dueAt,
      });
      const envelope = {
        eventId: 'evt-1',
        eventType: message.eventType,
        eventVersion: message.eventVersion,
        streamId: message.key,
        streamRevision: 3,
        position: '77',
        occurredAt: event.data.at,
        recordedAt: event.data.at,
        data: message.data,
      };
      expect(validateIntegrationEvent(envelope).ok).toBe(true);
      expect(JSON.stringify(message)).not.toMatch(/بازدید|نشانی|پلاک|کافی/);
    },
  );
});
