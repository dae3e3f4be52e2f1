import type { SmsGatewayConfig } from '@samad/service-kit';
import { classifyKavenegarAnswer, failureOfStatus, failureOfTransport } from './kavenegar.answer';
import type { OutgoingSms, SmsGateway, SmsSendResult } from './sms-gateway.port';

type KavenegarConfig = Extract<SmsGatewayConfig, { kind: 'kavenegar' }>;

/**
 * The SMS gateway over Kavenegar's REST API: `POST {base}/v1/{API-KEY}/sms/send.json` with `receptor`,
 * `message`, `sender` and `localid` (the notice's id, so the provider can refuse a repeat of one notice).
 */
export class KavenegarSmsGateway implements SmsGateway {
  readonly name = 'kavenegar';

  constructor(private readonly config: KavenegarConfig) {}

  async send(sms: OutgoingSms): Promise<SmsSendResult> {
    const { baseUrl, apiKey, sender, timeoutMs } = this.config;
    const form = new URLSearchParams({
      receptor: sms.receptor,
      message: sms.message,
      localid: sms.reference,
    });
    if (sender) form.set('sender', sender);
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/v1/${encodeURIComponent(apiKey)}/sms/send.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: form,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return failureOfTransport(error);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      // No JSON: the status alone decides (a proxy's 502 page, say); a 200 we cannot read is tried again.
      return response.status === 200 ? failureOfTransport(error) : failureOfStatus(response.status);
    }
    return classifyKavenegarAnswer(response.status, body);
  }
}
