import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { SERVICE_CONFIG, type ServiceConfig } from '@samad/service-kit';
import { TelephonyError } from './telephony.errors';

export const TELEPHONY_KEY_HEADER = 'x-telephony-key';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** True when `presented` is the configured key; compared in constant time, and never with no key configured. */
export const isTelephonyKey = (presented: string | undefined, configured: string | undefined): boolean =>
  configured !== undefined &&
  presented !== undefined &&
  timingSafeEqual(digest(presented), digest(configured));

/**
 * The PBX is a machine on the call centre's network that cannot sign in and refresh tokens, so it presents
 * one shared secret (TELEPHONY_WEBHOOK_KEY) in a header; checked before the body is read (ADR 45).
 */
@Injectable()
export class TelephonyKeyGuard implements CanActivate {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers[TELEPHONY_KEY_HEADER];
    const presented = Array.isArray(header) ? header[0] : header;
    if (!isTelephonyKey(presented, this.config.telephony?.webhookKey)) {
      throw new TelephonyError(
        'TELEPHONY_KEY_INVALID',
        `کلید مرکز تلفن نادرست است (missing or wrong ${TELEPHONY_KEY_HEADER})`,
      );
    }
    return true;
  }
}
