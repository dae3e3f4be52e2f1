import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import { decide, DomainError, isDomainError, type Answer } from '@samad/request-lifecycle';
import { handleRequestCommand, loadRequest } from '@samad/request-application';
import {
  CorrelationId,
  CurrentPrincipal,
  EVENT_STORE,
  InputValidationError,
  Roles,
  type Principal,
} from '@samad/service-kit';
import { boundAgencyOf } from '../acting-agency/acting-agency';
import { RequestStatusResponse } from '../acting-agency/request-status.response.dto';
import { AnswerRequestRequest } from '../answer-request/answer-request.request.dto';
import { TemplateNotFoundError } from '../answer-templates/answer-template.errors';
import { findTemplate } from '../answer-templates/answer-template.store';
import { fillForRequest } from '../answer-templates/fill-for-request';

export class AnswerMatterResponse {
  @ApiProperty()
  matterId!: string;

  @ApiProperty({ type: [RequestStatusResponse], description: 'Every request of the matter, each answered' })
  requests!: RequestStatusResponse[];
}

const matterIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

@ApiTags('agency requests')
@Controller('api/agency/matters')
export class AnswerMatterHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  @Post(':matterId/answer')
  @HttpCode(200)
  @Roles('agency_staff', 'agency_system')
  @ApiOperation({
    summary: 'Answer a collective matter once: every linked request gets the answer (ADR 27)',
    description:
      'Each request still gets its own RequestAnswered in its own stream (and its own SMS to its citizens). ' +
      'All are decided before any is answered: when the agency does not hold every request of the matter, ' +
      'nothing is answered (409 MATTER_NOT_ALL_ASSIGNED).',
  })
  @ApiOkResponse({ type: AnswerMatterResponse })
  @ApiBadRequestResponse({ description: 'Bad body or matter id' })
  @ApiNotFoundResponse({ description: 'No such matter' })
  @ApiConflictResponse({
    description:
      'matter-not-all-assigned: the agency does not hold every request of the matter; or one is closed or ' +
      'already answered differently',
  })
  async answer(
    @Param('matterId') matterId: string,
    @Body() { outcome, text, templateId }: AnswerRequestRequest,
    @CurrentPrincipal() caller: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<AnswerMatterResponse> {
    const agencyCode = boundAgencyOf(caller);
    if (!agencyCode) throw new Error(`${caller.role} acts for no agency`); // the roles prevent it
    if (text === undefined && templateId === undefined) {
      throw new InputValidationError([{ field: 'text', message: 'give the answer text or a templateId' }]);
    }
    const template =
      templateId === undefined ? undefined : await findTemplate(this.dataSource, agencyCode, templateId);
    if (templateId !== undefined && !template) throw new TemplateNotFoundError(templateId);
    const noMatter = new DomainError('MATTER_NOT_FOUND', `no matter ${matterId}`);
    if (!matterIdPattern.test(matterId)) throw noMatter;
    const rows = (await this.dataSource.query(
      `SELECT tracking_code FROM agency.request_details WHERE matter_id = $1 ORDER BY tracking_code`,
      [matterId],
    )) as { tracking_code: string }[];
    if (rows.length === 0) throw noMatter;
    const now = new Date();
    const commands = rows.map(({ tracking_code: trackingCode }): Answer => ({
      type: 'Answer',
      // The template's raw body stands in while deciding; each request's own filled text goes in below.
      data: {
        trackingCode,
        now,
        agencyCode,
        outcome,
        text: text ?? template!.body,
        ...(template && { template: { templateId: template.template_id, version: template.version } }),
      },
    }));
    const loaded = await Promise.all(commands.map((c) => loadRequest(this.store, c.data.trackingCode)));
    for (const [i, command] of commands.entries()) {
      try {
        decide(command, loaded[i].state);
      } catch (error) {
        // Which request is not this agency's is not its business: the matter as a whole is refused.
        if (isDomainError(error, 'NOT_ASSIGNED_TO_AGENCY')) {
          throw new DomainError(
            'MATTER_NOT_ALL_ASSIGNED',
            `همه درخواست‌های این موضوع به ${agencyCode} ارجاع نشده است (not every request of matter ${matterId} is assigned to ${agencyCode})`,
          );
        }
        throw error;
      }
    }
    const actor = { id: caller.id, role: caller.role };
    const requests: RequestStatusResponse[] = [];
    for (const [i, command] of commands.entries()) {
      const { trackingCode } = command.data;
      // Filled only now, once the agency is known to hold every request: each citizen's own name (ADR 36).
      const filled = text ?? (await fillForRequest(this.store, template!, trackingCode, agencyCode));
      const { state } = await handleRequestCommand(
        this.store,
        { ...command, data: { ...command.data, text: filled } },
        { actor, correlationId, causationId: `matter:${matterId}:${trackingCode}` },
        { loaded: loaded[i] },
      );
      requests.push({ trackingCode, status: state.status });
    }
    return { matterId, requests };
  }
}
