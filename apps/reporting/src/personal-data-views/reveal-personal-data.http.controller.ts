import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@samad/event-store';
import { recordPersonalDataViewed } from '@samad/request-application';
import {
  DomainError,
  parseTrackingCode,
  isErasedCitizen,
  parseViewReason,
  requestStreamName,
  type RegisteredCitizen,
} from '@samad/request-lifecycle';
import { CorrelationId, CurrentPrincipal, EVENT_STORE, Roles, type Principal } from '@samad/service-kit';
import {
  RevealPersonalDataRequest,
  RevealPersonalDataResponse,
  type RevealedCitizenResponse,
} from './reveal-personal-data.dto';

const toRevealed = (citizen: RegisteredCitizen, index: number): RevealedCitizenResponse => ({
  index,
  erased: isErasedCitizen(citizen),
  nationalCode: citizen.nationalCode,
  mobile: citizen.mobile,
});

/** Supervisors and auditors see identifiers masked; this is how one sees them in clear, on the record. */
@ApiTags('audit')
@Roles('supervisor', 'auditor')
@Controller('api/requests')
export class RevealPersonalDataHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post(':code/personal-data/reveal')
  @HttpCode(200)
  @ApiOperation({
    summary: "A request's citizens' national codes and mobiles in clear, for a stated reason",
    description:
      'Appends a PersonalDataViewed fact (who, role, when, which request, why, which fields; never the values) ' +
      'to the access-audit stream before answering; auditors list these at GET /api/audit/personal-data-views.',
  })
  @ApiParam({ name: 'code', example: '1000000170' })
  @ApiOkResponse({ type: RevealPersonalDataResponse })
  @ApiBadRequestResponse({ description: 'Malformed tracking code, or no usable reason (Problem Details)' })
  @ApiNotFoundResponse({ description: 'No request with this tracking code; nothing is recorded' })
  async reveal(
    @Param('code') code: string,
    @Body() body: RevealPersonalDataRequest,
    @CurrentPrincipal() viewer: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RevealPersonalDataResponse> {
    const trackingCode = parseTrackingCode(code, 'code');
    const reason = parseViewReason(body.reason);
    const citizens = await this.registeredCitizens(trackingCode);
    const at = new Date().toISOString();
    // Recorded before anything is shown: if the append fails, the caller sees an error and no values.
    const recorded = await recordPersonalDataViewed(
      this.store,
      {
        trackingCode,
        viewer: { username: viewer.id, role: viewer.role },
        at,
        reason,
        fields: ['nationalCode', 'mobile'],
      },
      correlationId,
    );
    return { trackingCode, citizens: citizens.map(toRevealed), viewId: recorded.eventId, viewedAt: at };
  }

  private async registeredCitizens(trackingCode: string): Promise<readonly RegisteredCitizen[]> {
    let events: RecordedEvent[];
    try {
      // The whole stream, not just the registration: an erasure read in the same batch wins over a citizen
      // key this process may still hold in its cache for a few seconds.
      events = await this.store.readStream(requestStreamName(trackingCode));
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
      events = [];
    }
    const registered = events[0];
    if (registered?.type !== 'RequestRegistered') {
      throw new DomainError('REQUEST_NOT_FOUND', `no request with tracking code ${trackingCode}`);
    }
    return (registered.data as { citizens: readonly RegisteredCitizen[] }).citizens;
  }
}
