import fc from 'fast-check';
import { validateIntegrationEvent } from '@samad/events';
import { DomainError } from '../shared/domain-error';
import type { RequestCommand } from './request.commands';
import { decide } from './request.decider';
import type { RequestEvent } from './request.events';
import { evolve, initialState, stateFromEvents } from './request.evolve';
import { toAgencyMessages } from './request-agency-messages.mapper';
import { toIntegrationEnvelope } from './request-integration.mapper';
import type { RequestState } from './request.state';
import { isHeldStatus } from './request.vocabulary';
import { commands, OTHER_TRACKING_CODE } from './test-support/request.fixtures';

// Random command sequences against one request: whatever the order, the rules hold.

type MakeCommand = (now: Date) => RequestCommand;
const START = Date.parse('2024-10-15T05:30:00Z');
const agency = fc.constantFrom('abfa', 'tavanir', 'dehyari-minab');
const text = fc.constantFrom('دلیل یک', 'دلیل دو');

const command: fc.Arbitrary<MakeCommand> = fc.oneof(
  fc
    .record({
      agencyCode: agency,
      routedBy: fc.constantFrom('rules', 'supervisor' as const),
      days: fc.constantFrom(-1, 7),
    })
    .map(
      ({ agencyCode, routedBy, days }): MakeCommand =>
        (now) =>
          commands.routeToAgency({
            agencyCode,
            routedBy,
            ruleId: routedBy === 'rules' ? `rule-${agencyCode}` : undefined,
            dueAt: new Date(now.getTime() + days * 86_400_000),
            now,
          }),
    ),
  text.map(
    (reason): MakeCommand =>
      (now) =>
        commands.markAwaitingManualRouting({ reason, now }),
  ),
  agency.map(
    (agencyCode): MakeCommand =>
      (now) =>
        commands.acknowledge({ agencyCode, now }),
  ),
  fc.record({ agencyCode: agency, unit: fc.constantFrom('واحد الف', 'واحد ب') }).map(
    ({ agencyCode, unit }): MakeCommand =>
      (now) =>
        commands.referInsideAgency({ agencyCode, unit, now }),
  ),
  fc.record({ agencyCode: agency, reason: text }).map(
    ({ agencyCode, reason }): MakeCommand =>
      (now) =>
        commands.returnAsNotResponsible({ agencyCode, reason, now }),
  ),
  fc.record({ agencyCode: agency, outcome: fc.constantFrom('positive', 'negative', 'partial' as const) }).map(
    ({ agencyCode, outcome }): MakeCommand =>
      (now) =>
        commands.answer({ agencyCode, outcome, now }),
  ),
  fc.constantFrom('phone', 'web' as const).map(
    (channel): MakeCommand =>
      (now) =>
        commands.recordFollowUp({ channel, now }),
  ),
  fc.constantFrom('answered', 'withdrawn', 'duplicate' as const).map(
    (reason): MakeCommand =>
      (now) =>
        commands.close({
          reason,
          duplicateOf: reason === 'duplicate' ? OTHER_TRACKING_CODE : undefined,
          now,
        }),
  ),
);

const isHeld = (state: RequestState): boolean => isHeldStatus(state.status);

const checkInvariants = (state: RequestState): void => {
  if (state.status === 'not_registered') return;
  if (isHeld(state)) {
    expect(state.agencyCode).toBeDefined();
    expect(state.dueAt).toBeDefined();
  }
  if (state.status === 'returned') expect(state.agencyCode).toBeUndefined();
  if (state.status === 'answered') {
    expect(state.answer?.agencyCode).toBe(state.agencyCode);
    expect(state.acknowledgedAt).toBeDefined();
  }
  if (state.status === 'closed') expect(state.closure).toBeDefined();
};

describe('request decider properties', () => {
  it('accepted commands are idempotent, events are valid contracts, invariants hold', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (makes) => {
        let state = initialState();
        const stream: RequestEvent[] = [];
        const run = [(now: Date) => commands.registerRequest({ now }), ...makes];
        run.forEach((make, i) => {
          const cmd = make(new Date(START + i * 60_000));
          let decided: RequestEvent[];
          try {
            decided = decide(cmd, state);
          } catch (error) {
            // Refusals are typed domain errors, never crashes.
            expect(error).toBeInstanceOf(DomainError);
            return;
          }
          for (const event of decided) {
            if (
              event.type === 'RequestRoutedToAgency' &&
              event.data.routedBy === 'rules' &&
              state.status !== 'not_registered'
            ) {
              expect(state.returnedBy).not.toContain(event.data.agencyCode);
            }
            const envelope = toIntegrationEnvelope(event, {
              eventId: `e${stream.length}`,
              streamRevision: stream.length,
              position: String(stream.length),
              recordedAt: event.type === 'RequestRegistered' ? event.data.registeredAt : new Date(START),
            });
            expect(validateIntegrationEvent(envelope)).toMatchObject({ ok: true });
            for (const message of toAgencyMessages(state, event)) {
              const { eventType, eventVersion, data } = message;
              expect(validateIntegrationEvent({ ...envelope, eventType, eventVersion, data })).toMatchObject({
                ok: true,
              });
            }
            state = evolve(state, event);
            stream.push(event);
          }
          checkInvariants(state);
          // The same command again reaches nothing new.
          expect(decide(cmd, state)).toEqual([]);
        });
        expect(stateFromEvents(JSON.parse(JSON.stringify(stream)))).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });
});
