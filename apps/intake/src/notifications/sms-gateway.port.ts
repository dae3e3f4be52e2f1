/** One text to one mobile. `reference` is the notice's own id: a gateway that de-duplicates uses it. */
export interface OutgoingSms {
  readonly reference: string;
  readonly receptor: string;
  readonly message: string;
}

export type SmsFailureKind = 'transient' | 'permanent';

/** How a send ended. `reason` never quotes the mobile or the text (it is logged and shown to admins). */
export type SmsSendResult =
  | { readonly ok: true; readonly messageId?: string }
  | { readonly ok: false; readonly kind: SmsFailureKind; readonly reason: string };

/** The notification port: where citizens' SMS go (an HTTP gateway, or the local outbox). */
export interface SmsGateway {
  /** Shown with each sent notice: which adapter sent it. */
  readonly name: string;
  send(sms: OutgoingSms): Promise<SmsSendResult>;
}

export const SMS_GATEWAY = Symbol('SMS_GATEWAY');
