import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One `sms/send.json` call the stand-in received. */
export interface ReceivedSms {
  readonly apiKey: string;
  readonly receptor: string;
  readonly message: string;
  readonly sender?: string;
  readonly localid?: string;
  /** The status the stand-in answered with; 0 when it dropped the connection. */
  readonly answered: number;
}

/** What the stand-in does with the next call for a receptor: answer with a status, or drop the connection. */
export type Reply = number | 'drop';

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * A local stand-in for Kavenegar's REST API (`POST /v1/{API-KEY}/sms/send.json`, form-encoded receptor,
 * message, sender, localid), answering `{ return: { status, message }, entries }` like the real one. Each
 * receptor follows a script of replies (then 200); every call is recorded.
 */
export class KavenegarStandIn {
  readonly received: ReceivedSms[] = [];
  private readonly scripts = new Map<string, Reply[]>();
  private readonly downFor = new Set<string>();
  private server?: Server;
  private nextId = 1000;

  /** The next replies for this receptor, in order; afterwards it is accepted. */
  script(receptor: string, replies: Reply[]): void {
    this.scripts.set(receptor, [...replies]);
  }

  /** Drops every call for this receptor (the gateway is down for it) until `up`. */
  down(receptor: string): void {
    this.downFor.add(receptor);
  }

  up(receptor: string): void {
    this.downFor.delete(receptor);
  }

  sentTo(receptor: string): ReceivedSms[] {
    return this.received.filter((sms) => sms.receptor === receptor);
  }

  acceptedFor(receptor: string): ReceivedSms[] {
    return this.sentTo(receptor).filter((sms) => sms.answered === 200);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = /^\/v1\/([^/]+)\/sms\/send\.json$/.exec(req.url ?? '');
    const answer = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || !path) return answer(404, { return: { status: 404, message: 'not found' } });
    const form = new URLSearchParams(await readBody(req));
    const receptor = form.get('receptor') ?? '';
    const reply: Reply = this.downFor.has(receptor) ? 'drop' : (this.scripts.get(receptor)?.shift() ?? 200);
    this.received.push({
      apiKey: decodeURIComponent(path[1]),
      receptor,
      message: form.get('message') ?? '',
      ...(form.has('sender') && { sender: form.get('sender')! }),
      ...(form.has('localid') && { localid: form.get('localid')! }),
      answered: reply === 'drop' ? 0 : reply,
    });
    if (reply === 'drop') {
      req.socket.destroy();
      return;
    }
    if (reply !== 200) return answer(reply, { return: { status: reply, message: 'خطا' }, entries: null });
    answer(200, {
      return: { status: 200, message: 'تایید شد' },
      entries: [
        {
          messageid: this.nextId++,
          message: form.get('message'),
          status: 1,
          statustext: 'در صف ارسال',
          sender: form.get('sender') ?? '10004346',
          receptor,
          date: Math.floor(Date.now() / 1000),
          cost: 120,
        },
      ],
    });
  }
}
