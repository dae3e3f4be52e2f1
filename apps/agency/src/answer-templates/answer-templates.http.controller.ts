import { randomUUID } from 'node:crypto';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import { assertKnownPlaceholders, normalizePersianText, parseTrackingCode } from '@samad/request-lifecycle';
import { CurrentPrincipal, EVENT_STORE, Roles, type Principal } from '@samad/service-kit';
import { boundAgencyOf } from '../acting-agency/acting-agency';
import { AnswerPreviewDto, AnswerTemplateDto, WriteAnswerTemplateDto } from './answer-template.dto';
import { TemplateNotFoundError } from './answer-template.errors';
import { findTemplate, listTemplates, type AnswerTemplateRow } from './answer-template.store';
import { fillForRequest } from './fill-for-request';

const toDto = (row: AnswerTemplateRow): AnswerTemplateDto => ({
  templateId: row.template_id,
  agencyCode: row.agency_code,
  version: row.version,
  title: row.title,
  body: row.body,
  updatedAt: row.updated_at.toISOString(),
});

const agencyOf = (caller: Principal): string => {
  const agencyCode = boundAgencyOf(caller);
  if (!agencyCode) throw new Error(`${caller.role} acts for no agency`); // the roles prevent it
  return agencyCode;
};

/** An agency's staff keep their own agency's answer templates (ADR 36). */
@ApiTags('answer templates')
@Roles('agency_staff')
@Controller('api/agency')
export class AnswerTemplatesHttpController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('templates')
  @ApiOperation({ summary: 'The caller’s agency’s answer templates' })
  async list(@CurrentPrincipal() caller: Principal): Promise<{ templates: AnswerTemplateDto[] }> {
    return { templates: (await listTemplates(this.dataSource, agencyOf(caller))).map(toDto) };
  }

  @Post('templates')
  @ApiOperation({ summary: 'A new answer template (version 1); unknown placeholders are refused' })
  async create(
    @Body() body: WriteAnswerTemplateDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<AnswerTemplateDto> {
    const { title, text } = this.validated(body);
    const [row]: AnswerTemplateRow[] = await this.dataSource.query(
      `INSERT INTO agency.answer_templates (template_id, agency_code, version, title, body, updated_by, updated_at)
       VALUES ($1, $2, 1, $3, $4, $5, now()) RETURNING *`,
      [randomUUID(), agencyOf(caller), title, text, caller.id],
    );
    return toDto(row);
  }

  @Put('templates/:templateId')
  @ApiOperation({ summary: 'Edit a template: its version goes up by one' })
  async edit(
    @Param('templateId') templateId: string,
    @Body() body: WriteAnswerTemplateDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<AnswerTemplateDto> {
    const { title, text } = this.validated(body);
    const [rows]: [AnswerTemplateRow[], number] = await this.dataSource.query(
      `UPDATE agency.answer_templates SET version = version + 1, title = $3, body = $4, updated_by = $5,
              updated_at = now()
        WHERE template_id = $1 AND agency_code = $2 AND NOT deleted RETURNING *`,
      [templateId, agencyOf(caller), title, text, caller.id],
    );
    if (rows.length === 0) throw new TemplateNotFoundError(templateId);
    return toDto(rows[0]);
  }

  @Delete('templates/:templateId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retire a template (answers that used it keep naming it)' })
  async remove(
    @Param('templateId') templateId: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<void> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `UPDATE agency.answer_templates SET deleted = true, updated_at = now()
        WHERE template_id = $1 AND agency_code = $2 AND NOT deleted RETURNING template_id`,
      [templateId, agencyOf(caller)],
    );
    if (rows.length === 0) throw new TemplateNotFoundError(templateId);
  }

  @Post('requests/:code/answer-preview/:templateId')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The template filled for a request in the caller’s inbox, to edit before answering',
  })
  async preview(
    @Param('code') code: string,
    @Param('templateId') templateId: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<AnswerPreviewDto> {
    const agencyCode = agencyOf(caller);
    const template = await findTemplate(this.dataSource, agencyCode, templateId);
    if (!template) throw new TemplateNotFoundError(templateId);
    const text = await fillForRequest(this.store, template, parseTrackingCode(code, 'code'), agencyCode);
    return { templateId, version: template.version, text };
  }

  private validated(body: WriteAnswerTemplateDto): { title: string; text: string } {
    assertKnownPlaceholders(body.body, 'body');
    return {
      title: normalizePersianText(body.title),
      text: normalizePersianText(body.body, { keepLineBreaks: true }),
    };
  }
}
