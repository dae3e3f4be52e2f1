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
import type { EventStore } from '@samad/event-store';
import { recordPersonalDataViewed } from '@samad/request-application';
import { DomainError, parseTrackingCode, parseViewReason } from '@samad/request-lifecycle';
import { CorrelationId, CurrentPrincipal, EVENT_STORE, Roles, type Principal } from '@samad/service-kit';
import { boundAgencyOf } from '../acting-agency/acting-agency';
import { DEFAULT_CONTACT_PURPOSE, RequestContactQuery, RequestContactResponse } from './request-contact.dto';

interface ContactRow {
  description: string;
  citizenName: string | null;
  citizenMobile: string | null;
  citizenCount: number;
}

/**
 * What an agency needs to act on a request in its inbox: the description and how to reach the citizen.
 * The agency topic carries neither; this is where an agency's system (or staff) gets them, on the record.
 */
@ApiTags('agency requests')
@Roles('agency_staff', 'agency_system')
@Controller('api/agency/requests')
export class RequestContactHttpController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':code/contact')
  @ApiOperation({
    summary: "A request's description and citizen contact (name, mobile), for the agency holding it",
    description:
      'Only for a request in the caller’s own agency inbox (held or answered by it); any other answers 404 ' +
      'as if it did not exist. Each call appends a PersonalDataViewed fact (caller, agency, purpose) to the ' +
      'access-audit stream before answering.',
  })
  @ApiParam({ name: 'code', example: '1000000170' })
  @ApiOkResponse({ type: RequestContactResponse })
  @ApiBadRequestResponse({ description: 'Malformed tracking code or purpose (Problem Details)' })
  @ApiNotFoundResponse({
    description: 'Not in this agency’s inbox (or no such request); nothing is recorded',
  })
  async contact(
    @Param('code') code: string,
    @Query() query: RequestContactQuery,
    @CurrentPrincipal() caller: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RequestContactResponse> {
    const trackingCode = parseTrackingCode(code, 'code');
    const reason = parseViewReason(query.purpose ?? DEFAULT_CONTACT_PURPOSE, 'purpose');
    const agencyCode = boundAgencyOf(caller);
    if (!agencyCode) throw new Error(`${caller.role} acts for no agency`); // the endpoint's roles prevent it
    const notInInbox = new DomainError(
      'REQUEST_NOT_FOUND',
      `درخواست ${trackingCode} در کارتابل ${agencyCode} نیست (request ${trackingCode} is not in the inbox of ${agencyCode})`,
    );
    if (query.agency !== undefined && query.agency !== agencyCode) throw notInInbox;
    const [row]: ContactRow[] = await this.dataSource.query(
      `SELECT d.description, d.citizen_name AS "citizenName", d.citizen_mobile AS "citizenMobile",
              d.citizen_count AS "citizenCount"
         FROM agency.inbox i
         JOIN agency.request_details d USING (tracking_code)
        WHERE i.tracking_code = $1 AND i.agency_code = $2`,
      [trackingCode, agencyCode],
    );
    if (!row) throw notInInbox;
    // Recorded before anything is shown: if the append fails, the caller gets an error and no data.
    const recorded = await recordPersonalDataViewed(
      this.store,
      {
        trackingCode,
        viewer: { username: caller.id, role: caller.role, agencyCode },
        at: new Date().toISOString(),
        reason,
        fields: ['fullName', 'mobile', 'description'],
      },
      correlationId,
    );
    return {
      trackingCode,
      agencyCode,
      description: row.description,
      citizen: { fullName: row.citizenName, mobile: row.citizenMobile },
      citizenCount: row.citizenCount,
      viewId: recorded.eventId,
    };
  }
}
