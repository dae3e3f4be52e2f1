import { Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { EventStore } from '@samad/event-store';
import { nameOf } from '@samad/reference-data';
import { loadRequest } from '@samad/request-application';
import {
  isRegistered,
  isValidTrackingCode,
  parseTrackingCode,
  type RecordFollowUp,
} from '@samad/request-lifecycle';
import { handleRequestCommand } from '@samad/request-application';
import { CorrelationId, EVENT_STORE, Public } from '@samad/service-kit';
import { RegisterRequestHandler } from '../register-request/register-request.handler';
import { Open311ClientsStore } from './open311-clients.store';
import { Open311ErrorsFilter } from './open311-errors.filter';
import { checkJurisdiction, filingOf } from './open311-filing';
import { badRequest, formatOf, notFound, send } from './open311-format';
import { Open311RequestsStore, type Open311RequestRow } from './open311-requests.store';
import { requestView } from './open311-request.view';
import { attributesFor, findCategory, localeOf, servicesList, type Open311Locale } from './open311-services';
import { statusesAfterEach, updatesOf } from './open311-status';
import { dateRangeOf, pageOf, listOf } from './open311-query';

const SPEC = 'http://wiki.open311.org/GeoReport_v2';
const CHANGESET = '2026-12-02T00:00:00Z';
const FORMATS = ['application/json', 'text/xml'];

/**
 * Open311 GeoReport v2 with FixMyStreet's servicerequestupdates (ADR 0032, docs/open311.md). Reads are
 * public, as the spec has them; filing and updates need an api_key. Only requests filed through Open311
 * are published here: a citizen who called 111 never agreed to have their request listed.
 */
@ApiExcludeController()
@Public()
@UseFilters(Open311ErrorsFilter)
@Controller('open311/v2')
export class Open311HttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly register: RegisterRequestHandler,
    private readonly clients: Open311ClientsStore,
    private readonly requests: Open311RequestsStore,
  ) {}

  @Get('discovery.:format')
  discovery(@Param('format') format: string, @Req() request: Request, @Res() response: Response): void {
    const url = `${request.protocol}://${request.get('host') ?? 'localhost'}/open311/v2/`;
    const endpoint = (type: string) => ({
      specification: SPEC,
      url,
      changeset: CHANGESET,
      type,
      formats: { format: FORMATS },
    });
    const fmt = formatOf(format);
    const endpoints = ['production', 'test'].map(endpoint);
    send(response, fmt, {
      root: 'discovery',
      changeset: CHANGESET,
      contact: 'سامانه سامد، استانداری هرمزگان — samad@hormozgan.example',
      key_service: 'API keys are issued by Samad administrators on request to samad@hormozgan.example',
      endpoints:
        fmt === 'json' ? endpoints.map((e) => ({ ...e, formats: FORMATS })) : { endpoint: endpoints },
    });
  }

  @Get('services.:format')
  services(
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): void {
    const fmt = formatOf(format);
    checkJurisdiction(query);
    send(response, fmt, {
      root: 'services',
      item: 'service',
      items: servicesList(localeOf(query['locale'])),
    });
  }

  @Get('services/:code.:format')
  definition(
    @Param('code') code: string,
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): void {
    const fmt = formatOf(format);
    checkJurisdiction(query);
    if (!findCategory(code)) throw notFound(`unknown service_code ${code}`);
    const attributes = attributesFor(localeOf(query['locale']));
    send(response, fmt, {
      root: 'service_definition',
      service_code: code,
      attributes:
        fmt === 'json'
          ? attributes
          : {
              attribute: attributes.map(({ values, ...a }) => ({
                ...a,
                ...(values && { values: { value: values } }),
              })),
            },
    });
  }

  @Post('requests.:format')
  async file(
    @Param('format') format: string,
    @Req() request: Request,
    @CorrelationId() correlationId: string,
    @Res() response: Response,
  ): Promise<void> {
    const fmt = formatOf(format);
    const params = this.paramsOf(request);
    checkJurisdiction(params);
    const client = await this.clients.admit(params['api_key']);
    const filing = filingOf(params);
    const { registration } = await this.register.execute(filing.registration, {
      actor: { id: `open311:${client.id}`, role: 'citizen' },
      correlationId,
    });
    const token = await this.requests.record({
      tracking_code: registration.trackingCode,
      client_id: client.id,
      service_code: filing.serviceCode,
      lat: filing.location.lat,
      long: filing.location.long,
      requested_at: new Date(registration.registeredAt),
    });
    const accountId = typeof params['account_id'] === 'string' ? params['account_id'] : undefined;
    send(response, fmt, {
      root: 'service_requests',
      item: 'request',
      items: [
        {
          service_request_id: registration.trackingCode,
          token,
          service_notice: serviceNotice(registration.trackingCode, localeOf(params['locale'])),
          account_id: accountId,
        },
      ],
    });
  }

  @Get('requests.:format')
  async list(
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ) {
    const fmt = formatOf(format);
    checkJurisdiction(query);
    const ids = listOf(query['service_request_id'], 'service_request_id');
    if (ids?.some((id) => !isValidTrackingCode(id)))
      throw badRequest('service_request_id: not a Samad tracking code');
    const serviceCodes = listOf(query['service_code'], 'service_code');
    const status = query['status'];
    if (status !== undefined && status !== 'open' && status !== 'closed')
      throw badRequest('status must be open or closed');
    const { from, to } = dateRangeOf(query);
    const { limit, offset } = pageOf(query);
    const rows = await this.requests.find({
      ids: ids?.map((id) => parseTrackingCode(id)),
      serviceCodes,
      from,
      to,
      status,
      limit,
      offset,
    });
    const items = await this.views(rows, localeOf(query['locale']));
    send(response, fmt, { root: 'service_requests', item: 'request', items });
  }

  @Get('requests/:id.:format')
  async one(
    @Param('id') id: string,
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const fmt = formatOf(format);
    checkJurisdiction(query);
    const row = isValidTrackingCode(id) ? await this.requests.byCode(parseTrackingCode(id)) : undefined;
    if (!row) throw notFound(`no service request ${id}`);
    const items = await this.views([row], localeOf(query['locale']));
    send(response, fmt, { root: 'service_requests', item: 'request', items });
  }

  @Get('tokens/:token.:format')
  async token(
    @Param('token') token: string,
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const fmt = formatOf(format);
    checkJurisdiction(query);
    const row = /^[0-9a-f-]{36}$/i.test(token) ? await this.requests.byToken(token) : undefined;
    if (!row) throw notFound(`unknown token ${token}`);
    send(response, fmt, {
      root: 'service_requests',
      item: 'request',
      items: [{ service_request_id: row.tracking_code, token: row.token }],
    });
  }

  @Get('servicerequestupdates.:format')
  async updates(
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ) {
    const fmt = formatOf(format);
    checkJurisdiction(query);
    const { from, to } = dateRangeOf(query);
    const locale = localeOf(query['locale']);
    const rows = await this.requests.touchedBetween(from, to, 1000);
    const items = [];
    for (const row of rows) {
      const { events } = await loadRequest(this.store, row.tracking_code);
      const states = statusesAfterEach(events);
      items.push(
        ...updatesOf(events, states, from, to, ({ event, status, after }) => {
          if (event.type === 'RequestAnswered') return event.data.text;
          if (event.type === 'RequestClosed' && event.data.duplicateOf)
            return `duplicate of ${event.data.duplicateOf}`;
          const label = nameOf('status', after);
          return `${status}: ${locale === 'fa' ? label.nameFa : label.nameEn}`;
        }),
      );
    }
    items.sort(
      (a, b) =>
        a.updated_datetime.localeCompare(b.updated_datetime) || a.update_id.localeCompare(b.update_id),
    );
    send(response, fmt, { root: 'service_requests_updates', item: 'request_update', items });
  }

  @Post('servicerequestupdates.:format')
  async addUpdate(
    @Param('format') format: string,
    @Req() request: Request,
    @CorrelationId() correlationId: string,
    @Res() response: Response,
  ): Promise<void> {
    const fmt = formatOf(format);
    const params = this.paramsOf(request);
    checkJurisdiction(params);
    const client = await this.clients.admit(params['api_key']);
    const id = params['service_request_id'];
    const row =
      typeof id === 'string' && isValidTrackingCode(id)
        ? await this.requests.byCode(parseTrackingCode(id))
        : undefined;
    if (!row) throw notFound(`no service request ${String(id)}`);
    const note = params['description'];
    if (typeof note !== 'string' || note.trim() === '') throw badRequest('description is required');
    if (note.length > 2000) throw badRequest('description must be at most 2000 characters');
    const command: RecordFollowUp = {
      type: 'RecordFollowUp',
      data: { trackingCode: row.tracking_code, now: new Date(), note, channel: 'web' },
    };
    const outcome = await handleRequestCommand(this.store, command, {
      actor: { id: `open311:${client.id}`, role: 'citizen' },
      correlationId,
    });
    send(response, fmt, {
      root: 'service_request_updates',
      item: 'request_update',
      items: [{ update_id: `${row.tracking_code}-${outcome.revision}` }],
    });
  }

  /** The spec's form-encoded body, or a JSON body; the query string only where the body lacks a field. */
  private paramsOf(request: Request): Record<string, unknown> {
    const body =
      typeof request.body === 'object' && request.body !== null
        ? (request.body as Record<string, unknown>)
        : {};
    return { ...(request.query as Record<string, unknown>), ...body };
  }

  private async views(rows: readonly Open311RequestRow[], locale: Open311Locale) {
    const views = [];
    for (const row of rows) {
      const { state, events } = await loadRequest(this.store, row.tracking_code);
      if (!isRegistered(state)) continue;
      const updatedAt = events[events.length - 1].recordedAt.toISOString();
      views.push(requestView(state, row, locale, updatedAt));
    }
    return views;
  }
}

/** What the citizen is told on filing; the tracking code also works on Samad's own lookup and 111. */
const serviceNotice = (trackingCode: string, locale: Open311Locale): string =>
  locale === 'fa'
    ? `درخواست شما با کد رهگیری ${trackingCode} در سامد ثبت شد. پاسخ دستگاه به‌صورت عمومی در این درگاه نمایش داده می‌شود.`
    : `Registered in Samad with tracking code ${trackingCode}. The agency's answer will be published here.`;
