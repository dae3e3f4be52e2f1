import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post, Sse, UseGuards, type MessageEvent } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { concat, defer, from, interval, map, merge, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AnsweredCallMessage } from '@samad/events';
import { parseIranianMobile, toAsciiDigits } from '@samad/request-lifecycle';
import { CurrentPrincipal, Public, Roles, type Principal } from '@samad/service-kit';
import { AnsweredCallRequestDto } from './answered-call.request.dto';
import { AnsweredCallsChannel } from './answered-calls.channel';
import { operatorAtExtension } from './operator-extensions.query';
import { TELEPHONY_KEY_HEADER, TelephonyKeyGuard } from './telephony-key.guard';
import { TelephonyError } from './telephony.errors';

/** Proxies close a silent stream (ingress-nginx after 60 s); a comment line now and then keeps it open. */
const KEEP_ALIVE_MS = 25000;

const callEvent = (call: AnsweredCallMessage): MessageEvent => ({
  type: 'call',
  id: call.callId,
  data: { callId: call.callId, mobile: call.mobile, extension: call.extension, answeredAt: call.answeredAt },
});

@ApiTags('telephony')
@Controller('api/telephony')
export class TelephonyHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calls: AnsweredCallsChannel,
  ) {}

  @Post('answered-calls')
  @Public()
  @UseGuards(TelephonyKeyGuard)
  @HttpCode(202)
  @ApiOperation({
    summary: 'The PBX reports an answered call (screen pop)',
    description:
      "Called by the call centre's Asterisk/Issabel dialplan when an operator answers (docs/telephony.md). " +
      "The call goes to that operator's open console, which opens the registration form for the caller's mobile.",
  })
  @ApiHeader({ name: TELEPHONY_KEY_HEADER, required: true, description: 'TELEPHONY_WEBHOOK_KEY' })
  @ApiAcceptedResponse({ description: 'Published to the operator’s screens; `{ callId, mobile }`' })
  @ApiBadRequestResponse({ description: 'A number that is not an Iranian mobile, or a bad extension' })
  @ApiUnauthorizedResponse({ description: 'TELEPHONY_KEY_INVALID: no key, or the wrong one' })
  @ApiNotFoundResponse({ description: 'EXTENSION_NOT_FOUND: no operator holds the extension' })
  async answered(@Body() body: AnsweredCallRequestDto): Promise<{ callId: string; mobile: string }> {
    const extension = toAsciiDigits(body.extension);
    const username = await operatorAtExtension(this.dataSource, extension);
    if (!username) {
      throw new TelephonyError(
        'EXTENSION_NOT_FOUND',
        `هیچ کارشناسی داخلی ${extension} را ندارد (no operator at extension ${extension})`,
      );
    }
    const call: AnsweredCallMessage = {
      callId: body.callId ?? randomUUID(),
      username,
      extension,
      mobile: parseIranianMobile(body.callerNumber, 'callerNumber'),
      answeredAt: new Date().toISOString(),
    };
    await this.calls.publish(call);
    return { callId: call.callId, mobile: call.mobile };
  }

  @Sse('calls/events')
  @Roles('operator')
  @ApiOperation({
    summary: "The signed-in operator's answered calls, as server-sent events",
    description:
      '`event: ready` once calls reach this stream, then `event: call` with `{ callId, mobile, extension, answeredAt }` ' +
      'for each call the PBX reports answered at the operator’s extension.',
  })
  @ApiOkResponse({ description: 'text/event-stream' })
  events(@CurrentPrincipal() operator: Principal): Observable<MessageEvent> {
    const ready = defer(() => from(this.calls.ready)).pipe(
      map((): MessageEvent => ({ type: 'ready', data: {} })),
    );
    return merge(
      concat(ready, this.calls.callsOf(operator.id).pipe(map(callEvent))),
      interval(KEEP_ALIVE_MS).pipe(map((): MessageEvent => ({ comment: 'keep-alive' }))),
    );
  }
}
