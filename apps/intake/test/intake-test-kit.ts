import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { EventStore, RecordedEvent } from '@samad/event-store';
import { nationalCodeCheckDigit, requestStreamName, toPersianDigits } from '@samad/request-lifecycle';
import { EVENT_STORE } from '@samad/service-kit';
import { bearer } from '../../../test/support/auth';
import { startInProcess, type InProcessService } from '../../../test/support/in-process-service';
export { waitFor } from '../../../test/support/environment';
import { IntakeModule } from '../src/intake.module';

export interface IntakeUnderTest extends InProcessService {
  store: EventStore;
  dataSource: DataSource;
}

/** The real intake module (HTTP, relay, consumer) on the test database and broker; `env` adds variables. */
export async function startIntake(env: Record<string, string> = {}): Promise<IntakeUnderTest> {
  const service = await startInProcess('intake', (config) => IntakeModule.register(config), env);
  return {
    ...service,
    store: service.app.get<EventStore>(EVENT_STORE),
    dataSource: service.app.get(DataSource),
  };
}

const digits = (count: number): string => Array.from({ length: count }, () => randomInt(10)).join('');

/** A fresh, valid national code (never all one digit). */
export function randomNationalCode(): string {
  for (;;) {
    const nine = digits(9);
    const code = `${nine}${nationalCodeCheckDigit(nine)}`;
    if (!/^(\d)\1{9}$/.test(code)) return code;
  }
}

/** The same code with its check digit changed, so only the check digit is wrong. */
export const withWrongCheckDigit = (nationalCode: string): string =>
  `${nationalCode.slice(0, 9)}${(Number(nationalCode[9]) + 1) % 10}`;

export const randomMobile = (): string => `09${digits(9)}`;

export const persian = toPersianDigits;

export interface CitizenBody {
  nationalCode: string;
  fullName: string;
  mobile: string;
}

export const citizen = (overrides: Partial<CitizenBody> = {}): CitizenBody => ({
  nationalCode: randomNationalCode(),
  fullName: 'زهرا کریمی',
  mobile: randomMobile(),
  ...overrides,
});

export const registrationBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  channel: 'phone',
  kind: 'complaint',
  collective: false,
  citizens: [citizen()],
  countyCode: 'MIN',
  categoryCode: 'WAT-CUT',
  description: 'قطعی آب در محله از سه روز پیش',
  ...overrides,
});

/** An operator's token; `sub` names the operator in event metadata. */
export const asOperator = (sub = 'operator-test'): Promise<Record<string, string>> =>
  bearer('operator', { sub });

/** POSTs JSON as an operator unless the headers carry another Authorization. */
export async function post(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await asOperator()), ...headers },
    body: JSON.stringify(body),
  });
}

/** GETs as an operator unless the headers carry another Authorization. */
export async function get(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { headers: { ...(await asOperator()), ...headers } });
}

export async function streamOf(store: EventStore, trackingCode: string): Promise<RecordedEvent[]> {
  return store.readStream(requestStreamName(trackingCode));
}

export interface Registered {
  trackingCode: string;
  trackingCodeFormatted: string;
  status: string;
  registeredAt: string;
  registeredAtJalali: string;
}

/** Registers a request and fails the test unless it is accepted. */
export async function register(
  baseUrl: string,
  body: Record<string, unknown> = registrationBody(),
  headers: Record<string, string> = {},
): Promise<Registered> {
  const res = await post(baseUrl, '/api/requests', body, headers);
  if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Registered;
}
