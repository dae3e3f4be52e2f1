import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { StreamNotFoundError, type EventStore } from '@samad/event-store';
import { DomainError, parseTrackingCode, requestStreamName } from '@samad/request-lifecycle';
import { CurrentPrincipal, EVENT_STORE, Roles, type Principal } from '@samad/service-kit';
import { boundAgencyOf } from '../acting-agency/acting-agency';
import { toAgencyHistory, type AgencyRequestHistory } from './agency-request-history.view';

/**
 * A request's steps for the agency holding it (ADR 47): every event's kind and time, its own steps with who
 * and why, and what it waits for (an extension, the citizen's information). Any other request answers 404.
 */
@ApiTags('agency requests')
@Roles('agency_staff', 'agency_system', 'agency_manager')
@Controller('api/agency/requests')
export class AgencyRequestHistoryHttpController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':code/history')
  @ApiOperation({
    summary:
      'The steps of a request in the caller’s inbox, and whether it waits for an extension or information',
    description:
      'Read from the event store. Other agencies’ and the centre’s steps show only their kind and time; the ' +
      'citizen’s own words (description, supplied information) are not in it: the details endpoint records those.',
  })
  @ApiParam({ name: 'code', example: '1000000170' })
  @ApiOkResponse({
    description:
      'trackingCode, events [{revision, type, at, atJalali, actor?, note?, dueAt?, outcome?}], waiting',
  })
  @ApiNotFoundResponse({ description: 'Not in this agency’s inbox (or no such request)' })
  async history(
    @Param('code') code: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<AgencyRequestHistory> {
    const trackingCode = parseTrackingCode(code, 'code');
    const agencyCode = boundAgencyOf(caller);
    if (!agencyCode) throw new Error(`${caller.role} acts for no agency`); // the endpoint's roles prevent it
    const notInInbox = new DomainError(
      'REQUEST_NOT_FOUND',
      `درخواست ${trackingCode} در کارتابل ${agencyCode} نیست (request ${trackingCode} is not in the inbox of ${agencyCode})`,
    );
    const held: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM agency.inbox WHERE tracking_code = $1 AND agency_code = $2`,
      [trackingCode, agencyCode],
    );
    if (held.length === 0) throw notInInbox;
    let events;
    try {
      events = await this.store.readStream(requestStreamName(trackingCode));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw notInInbox;
      throw error;
    }
    return toAgencyHistory(trackingCode, agencyCode, events);
  }
}
