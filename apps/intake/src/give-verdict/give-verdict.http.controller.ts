import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import { loadRequest } from '@samad/request-application';
import { parseTrackingCode } from '@samad/request-lifecycle';
import {
  CorrelationId,
  CurrentActor,
  EVENT_STORE,
  Roles,
  SERVICE_CONFIG,
  type ActorIdentity,
  type ServiceConfig,
} from '@samad/service-kit';
import { asFieldProblems } from '../shared/field-path';
import { giveVerdict } from './give-verdict';
import { VerdictDto } from './verdict.request.dto';
import { VerdictResponseDto } from './verdict.response.dto';

export const verdictConflicts =
  'No answer to judge yet (or reopened), a verdict already given on this answer, the window ended, or closed';

@ApiTags('requests')
@Roles('operator', 'supervisor')
@Controller('api/requests')
export class GiveVerdictHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly dataSource: DataSource,
  ) {}

  private deps() {
    return { store: this.store, dataSource: this.dataSource, config: this.config };
  }

  @Post(':code/verdict')
  @ApiOperation({
    summary: 'Record the citizen’s verdict on the answer, given by phone: a rating 1–5, or an objection',
    description:
      'Within VERDICT_WINDOW_DAYS of the answer. An objection reopens the request to the agency that ' +
      'answered, with a new due date; the second objection also escalates it to the inspection office.',
  })
  @ApiParam({ name: 'code', description: 'Tracking code; Persian digits and dashes accepted' })
  @ApiCreatedResponse({ type: VerdictResponseDto })
  @ApiBadRequestResponse({ description: 'Malformed tracking code or body (rating outside 1–5)' })
  @ApiNotFoundResponse({ description: 'No request with this tracking code' })
  @ApiConflictResponse({ description: verdictConflicts })
  async give(
    @Param('code') code: string,
    @Body() body: VerdictDto,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<VerdictResponseDto> {
    const trackingCode = asFieldProblems(() => parseTrackingCode(code, 'code'));
    const loaded = await loadRequest(this.store, trackingCode);
    return giveVerdict(this.deps(), loaded, body, 'operator', { actor, correlationId });
  }
}
