import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '@samad/service-kit';
import { ActingAgencyQuery } from '../acting-agency/acting-agency.query.dto';
import { inboxAgencyFor } from '../acting-agency/acting-agency';
import { InboxLiveFeed } from './inbox-live.feed';

// A comment line this often keeps proxies (ingress-nginx, the console's) from closing a quiet stream.
export const HEARTBEAT_MS = 20_000;

const sseEvent = (type: string, data: object): string => `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;

@ApiTags('agency inbox')
@Roles('agency_staff', 'agency_system', 'agency_manager', 'supervisor', 'auditor')
@Controller('api/agency/inbox')
export class InboxEventsHttpController {
  constructor(private readonly feed: InboxLiveFeed) {}

  @Get('events')
  @ApiOperation({
    summary: "An agency's inbox, live: server-sent events as requests arrive or change (ADR 44)",
    description:
      'A `text/event-stream` that stays open. Who may listen to which agency is as for `GET /api/agency/inbox`: ' +
      'agency staff their own agency (naming another answers 404), supervisors and auditors the agency named ' +
      'with `?agency=`. First `event: live` (`data: {"agencyCode":"ABFA"}`) once every later change will be ' +
      'told; then `event: inbox` with `data: {"trackingCode":"4837284308","agencyCode":"ABFA","change":"assigned"}` ' +
      'for each change, sent after the inbox shows it. `change` is one of: assigned (routed here), ' +
      'acknowledged, referred, answered, returned (this agency disowned it: the row leaves; a request goes ' +
      'to another agency only after that, so the agency that had it is told), reopened (the citizen ' +
      'objected), closed (by the citizen’s verdict, a supervisor or the rules: it leaves the open list), ' +
      'merged (closed as another request’s duplicate), linked (to a collective matter), due-changed (a ' +
      'supervisor set a due time, an extension was approved, the clock resumed), overdue, ' +
      'information-requested, information-supplied (the citizen answered), extension-requested, ' +
      'extension-refused, directive (issued, reported on or overdue), contact-erased. More may be added: ' +
      'treat an unknown one as “something changed”. Nothing personal is sent: fetch the row with `GET ' +
      '/api/agency/inbox?status=all&trackingCode=`. A comment line (`: keep-alive`) comes every 20 s. Fed ' +
      'from Kafka by every replica, so ' +
      'a client connected to any replica hears of every change; on a disconnection, reconnect and refetch.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'The event stream (text/event-stream)' })
  @ApiBadRequestResponse({ description: 'Unknown agency, or no agency named (Problem Details)' })
  @ApiNotFoundResponse({ description: 'Agency staff naming another agency (as if it did not exist)' })
  stream(
    @Query() query: ActingAgencyQuery,
    @CurrentPrincipal() caller: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    const agencyCode = inboxAgencyFor(caller, query.agency);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      // ingress-nginx (and nginx generally) passes the stream on as it comes instead of buffering it.
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 3000\n\n');
    let open = true;
    const end = (): void => {
      if (!open) return;
      open = false;
      clearInterval(heartbeat);
      unsubscribe();
      response.end();
    };
    const unsubscribe = this.feed.subscribe(agencyCode, {
      onChange: (change) => response.write(sseEvent('inbox', change)),
      onClose: end,
    });
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    request.on('close', end);
    void this.feed.whenReady().then(() => {
      if (open) response.write(sseEvent('live', { agencyCode }));
    });
  }
}
