import type { EventStore } from '@samad/event-store';
import { handleRequestCommand, type CommandContext, type LoadedRequest } from '@samad/request-application';
import {
  DomainError,
  isRegistered,
  type ObjectToAnswer,
  type RateAnswer,
  type VerdictChannel,
} from '@samad/request-lifecycle';
import type { ServiceConfig } from '@samad/service-kit';
import type { DataSource } from 'typeorm';
import { reopenDueDate } from './reopen-due-date.query';
import type { VerdictDto } from './verdict.request.dto';
import type { VerdictResponseDto } from './verdict.response.dto';

/** The one path for both doors (operator and citizen): rate, or object and reopen with a new due date. */
export async function giveVerdict(
  deps: { store: EventStore; dataSource: DataSource; config: ServiceConfig },
  loaded: LoadedRequest,
  body: VerdictDto,
  givenBy: VerdictChannel,
  context: CommandContext,
): Promise<VerdictResponseDto> {
  const { state } = loaded;
  if (!isRegistered(state)) throw new DomainError('REQUEST_NOT_FOUND', 'no request with this tracking code');
  const { trackingCode } = state;
  const now = new Date();
  const windowDays = deps.config.verdict.windowDays;
  if (body.verdict === 'rate') {
    const command: RateAnswer = {
      type: 'RateAnswer',
      data: { trackingCode, now, rating: body.rating!, comment: body.comment, windowDays, givenBy },
    };
    await handleRequestCommand(deps.store, command, context, { loaded });
    return { trackingCode, verdict: 'rate', recordedAt: now.toISOString() };
  }
  const dueAt = await reopenDueDate(
    deps.dataSource.manager,
    state.categoryCode,
    now,
    deps.config.workingCalendar,
  );
  const command: ObjectToAnswer = {
    type: 'ObjectToAnswer',
    data: { trackingCode, now, reason: body.comment, dueAt, windowDays, givenBy },
  };
  const { appended } = await handleRequestCommand(deps.store, command, context, { loaded });
  const escalated = appended.some((event) => event.type === 'RequestEscalated');
  return {
    trackingCode,
    verdict: 'object',
    recordedAt: now.toISOString(),
    dueAt: dueAt.toISOString(),
    ...(escalated && { escalationLevel: 2 as const }),
  };
}
