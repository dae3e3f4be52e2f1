import { Body, Controller, Inject, Param, Post, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import { boundAgencyOf } from '../acting-agency/acting-agency';
import { TemplateNotFoundError } from '../answer-templates/answer-template.errors';
import { findTemplate } from '../answer-templates/answer-template.store';
import { fillForRequest } from '../answer-templates/fill-for-request';
import { ApiTags } from '@nestjs/swagger';
import { parseTrackingCode } from '@samad/request-lifecycle';
import {
  CorrelationId,
  CurrentPrincipal,
  EVENT_STORE,
  InputValidationError,
  type Principal,
} from '@samad/service-kit';
import { ActingAgencyQuery } from '../acting-agency/acting-agency.query.dto';
import { AgencyCommandEndpoint } from '../acting-agency/agency-command.docs';
import { AgencyCommandRunner } from '../acting-agency/agency-command.runner';
import type { RequestStatusResponse } from '../acting-agency/request-status.response.dto';
import { AnswerRequestRequest } from './answer-request.request.dto';

@ApiTags('agency requests')
@Controller('api/agency/requests')
export class AnswerRequestHttpController {
  constructor(
    private readonly runner: AgencyCommandRunner,
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post(':code/answer')
  @AgencyCommandEndpoint(
    'The agency answers the request: positive, negative or partial, with the text for the citizen',
    'Every request gets an answer, a negative one included. Answering from the inbox also acknowledges it.',
  )
  async answer(
    @Param('code') code: string,
    @Query() { agency }: ActingAgencyQuery,
    @Body() { outcome, text, templateId }: AnswerRequestRequest,
    @CurrentPrincipal() caller: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RequestStatusResponse> {
    const trackingCode = parseTrackingCode(code);
    if (text === undefined && templateId === undefined) {
      throw new InputValidationError([{ field: 'text', message: 'give the answer text or a templateId' }]);
    }
    const agencyCode = boundAgencyOf(caller);
    const template =
      templateId !== undefined && agencyCode
        ? await findTemplate(this.dataSource, agencyCode, templateId)
        : undefined;
    if (templateId !== undefined && !template) throw new TemplateNotFoundError(templateId);
    // Filled only now: the citizen's name is opened from the store for this one answer (ADR 36).
    const answerText =
      text ?? (await fillForRequest(this.store, template!, trackingCode, agencyCode as string));
    return this.runner.run(
      caller,
      agency,
      (agencyCode) => ({
        type: 'Answer',
        data: {
          trackingCode,
          now: new Date(),
          agencyCode,
          outcome,
          text: answerText,
          ...(template && { template: { templateId: template.template_id, version: template.version } }),
        },
      }),
      correlationId,
    );
  }
}
