import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@samad/event-store';
import { recordPersonalDataViewed } from '@samad/request-application';
import {
  DomainError,
  parseTrackingCode,
  parseViewReason,
  requestStreamName,
  type DirectiveIssued,
  type DirectiveReported,
  type FollowUpRecorded,
  type RequestRegistered,
} from '@samad/request-lifecycle';
import { CorrelationId, CurrentPrincipal, EVENT_STORE, Roles, type Principal } from '@samad/service-kit';
import { boundAgencyOf } from '../acting-agency/acting-agency';
import { DEFAULT_DETAILS_PURPOSE, RequestDetailsQuery, RequestDetailsResponse } from './request-details.dto';

/**
 * What an agency needs to act on a request in its inbox: the description, how to reach the citizen and
 * the follow-up notes. Its topic carries none of them; this is where its system (or staff) reads them,
 * from the event store (so an erasure there always wins), and every read is recorded.
 */
@ApiTags('agency requests')
@Roles('agency_staff', 'agency_system', 'agency_manager')
@Controller('api/agency/requests')
export class RequestDetailsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':code/details')
  @ApiOperation({
    summary: "A request's description, citizen contact (name, mobile) and follow-up notes, for its agency",
    description:
      'Only for a request in the caller’s own agency inbox (held or answered by it); any other answers 404 ' +
      'as if it did not exist. Each call appends a PersonalDataViewed fact (caller, agency, purpose) to the ' +
      'access-audit stream before answering.',
  })
  @ApiParam({ name: 'code', example: '1000000170' })
  @ApiOkResponse({ type: RequestDetailsResponse })
  @ApiBadRequestResponse({ description: 'Malformed tracking code or purpose (Problem Details)' })
  @ApiNotFoundResponse({
    description: 'Not in this agency’s inbox (or no such request); nothing is recorded',
  })
  async details(
    @Param('code') code: string,
    @Query() query: RequestDetailsQuery,
    @CurrentPrincipal() caller: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RequestDetailsResponse> {
    const trackingCode = parseTrackingCode(code, 'code');
    const reason = parseViewReason(query.purpose ?? DEFAULT_DETAILS_PURPOSE, 'purpose');
    const agencyCode = boundAgencyOf(caller);
    if (!agencyCode) throw new Error(`${caller.role} acts for no agency`); // the endpoint's roles prevent it
    const notInInbox = new DomainError(
      'REQUEST_NOT_FOUND',
      `درخواست ${trackingCode} در کارتابل ${agencyCode} نیست (request ${trackingCode} is not in the inbox of ${agencyCode})`,
    );
    if (query.agency !== undefined && query.agency !== agencyCode) throw notInInbox;
    const held: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM agency.inbox WHERE tracking_code = $1 AND agency_code = $2`,
      [trackingCode, agencyCode],
    );
    if (held.length === 0) throw notInInbox;
    const events = await this.requestEvents(trackingCode);
    const registration = events.find((e) => e.type === 'RequestRegistered')?.data as
      RequestRegistered['data'] | undefined;
    if (!registration) throw notInInbox;
    const followUps = events
      .filter((e) => e.type === 'FollowUpRecorded')
      .map((e) => e.data as FollowUpRecorded['data'])
      .map(({ at, channel, note }) => ({ at, channel, note }));
    const reported = new Map(
      events
        .filter((e) => e.type === 'DirectiveReported')
        .map((e) => e.data as DirectiveReported['data'])
        .map((d) => [d.directiveId, d.at] as const),
    );
    const directives = events
      .filter((e) => e.type === 'DirectiveIssued')
      .map((e) => e.data as DirectiveIssued['data'])
      .filter((d) => d.agencyCode === agencyCode)
      .map(({ directiveId, instruction, role, dueAt, at }) => ({
        directiveId,
        instruction,
        role,
        dueAt,
        issuedAt: at,
        ...(reported.has(directiveId) && { reportedAt: reported.get(directiveId) }),
      }));
    // Recorded before anything is shown: if the append fails, the caller gets an error and no data.
    const recorded = await recordPersonalDataViewed(
      this.store,
      {
        trackingCode,
        viewer: { username: caller.id, role: caller.role, agencyCode },
        at: new Date().toISOString(),
        reason,
        fields: ['fullName', 'mobile', 'description', 'followUpNotes'],
      },
      correlationId,
    );
    const [first] = registration.citizens;
    return {
      trackingCode,
      agencyCode,
      description: registration.description,
      citizen: { fullName: first?.fullName ?? null, mobile: first?.mobile ?? null },
      citizenCount: registration.citizens.length,
      followUps,
      directives,
      viewId: recorded.eventId,
    };
  }

  // The whole stream: an erasure read in the same batch wins over a key this process may still cache.
  private async requestEvents(trackingCode: string): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(requestStreamName(trackingCode));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
