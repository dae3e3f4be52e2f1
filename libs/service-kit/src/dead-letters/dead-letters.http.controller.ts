import {
  BadRequestException,
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  type Type,
} from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { maskPersonalIdentifiersInJson } from '@samad/request-lifecycle';
import { Roles } from '../auth/roles.decorator';
import { pageWindow, pagingDescription, type Page } from '../http/paging';
import type { ServiceName } from '../config/service-config';
import {
  ListDeadLettersQuery,
  RedriveDeadLettersRequest,
  RedriveDeadLettersResponse,
} from './dead-letters.dto';
import {
  countParkedMessages,
  findParkedMessage,
  listParkedMessages,
  requestRedrive,
  type ParkedMessage,
  type ParkedMessageSummary,
} from './parked-messages.queries';

/** The admin endpoints over one service's parked messages: list, show, re-drive (by id or by filter). */
export function deadLettersHttpController(service: ServiceName): Type<unknown> {
  @ApiTags('dead letters')
  @Roles('admin')
  @Controller(`api/admin/dead-letters/${service}`)
  class DeadLettersHttpController {
    constructor(private readonly dataSource: DataSource) {}

    @Get()
    @ApiOperation({
      summary: `Messages the ${service} service parked, oldest first (open ones by default; paged, with the total)`,
      description: pagingDescription,
    })
    @ApiBadRequestResponse({ description: 'A bad filter, page or pageSize (Problem Details naming it)' })
    async list(@Query() query: ListDeadLettersQuery): Promise<Page<ParkedMessageSummary>> {
      const window = pageWindow({ page: query.page, pageSize: query.pageSize ?? query.limit });
      const filter = {
        reason: query.reason,
        eventType: query.eventType,
        includeRedriven: query.includeRedriven === 'true',
      };
      const items = await listParkedMessages(this.dataSource, service, {
        ...filter,
        limit: window.limit,
        offset: window.offset,
      });
      const total = await countParkedMessages(this.dataSource, service, filter);
      return { items, total, page: window.page, pageSize: window.pageSize };
    }

    @Get(':id')
    @ApiOperation({
      summary: 'One parked message with its original value (national codes and mobiles masked)',
    })
    async show(@Param('id', new ParseUUIDPipe()) id: string): Promise<ParkedMessage> {
      const found = await findParkedMessage(this.dataSource, service, id);
      if (!found) throw new NotFoundException(`no parked message ${id} in ${service}`);
      // An administrator sees identifiers masked like any other non-operator; re-drive uses the stored bytes.
      if (found.value === null || found.valueEncoding !== 'utf8') return found;
      return { ...found, value: maskPersonalIdentifiersInJson(found.value) };
    }

    @Post('redrive')
    @ApiOperation({
      summary: 'Re-drive parked messages by id, or every open one matching a reason/event type (idempotent)',
    })
    @ApiOkResponse({ type: RedriveDeadLettersResponse })
    async redrive(@Body() body: RedriveDeadLettersRequest): Promise<RedriveDeadLettersResponse> {
      if (!body.ids && !body.reason && !body.eventType && body.all !== true) {
        throw new BadRequestException('say which messages: ids, reason, eventType, or all: true');
      }
      const selection = body.ids ? { ids: body.ids } : { reason: body.reason, eventType: body.eventType };
      const requested = await requestRedrive(this.dataSource, service, selection);
      return {
        requested,
        note: 'the service applies them within a few seconds; list again to see redrivenAt',
      };
    }
  }
  return DeadLettersHttpController;
}
