import { randomInt, randomUUID } from 'node:crypto';
import { categories, counties, countyRules } from '@samad/reference-data';
import { nationalCodeCheckDigit } from '@samad/request-lifecycle';

/** The agency the seeded routing rules send a category × county to: a county exception first, else the default. */
export function agencyByRules(categoryCode: string, countyCode: string): string {
  const exception = countyRules.find((r) => r.categoryCode === categoryCode && r.countyCode === countyCode);
  const agency = exception?.agencyCode ?? categories.find((c) => c.code === categoryCode)?.defaultAgency;
  if (!agency) throw new Error(`no routing rule for ${categoryCode} in ${countyCode}`);
  return agency;
}

const routable = categories.filter((c) => c.defaultAgency !== undefined);

/** The n-th registration of a load: categories and counties in turn, so most agencies (and Qeshm's exceptions) get some. */
export function registrationNo(n: number): { categoryCode: string; countyCode: string; agencyCode: string } {
  const categoryCode = routable[n % routable.length].code;
  const countyCode = counties[Math.floor(n / routable.length) % counties.length].code;
  return { categoryCode, countyCode, agencyCode: agencyByRules(categoryCode, countyCode) };
}

const digits = (count: number): string => Array.from({ length: count }, () => randomInt(10)).join('');

/** A different caller each time, as at a hotline: a valid national code, a name and a mobile. */
export function loadCitizen(): { nationalCode: string; fullName: string; mobile: string } {
  // First digit 1–9 and ninth 0: never all one digit (such codes pass the checksum but are never issued).
  const nine = `${1 + randomInt(9)}${digits(7)}0`;
  return {
    nationalCode: `${nine}${nationalCodeCheckDigit(nine)}`,
    fullName: 'علی کریمی',
    mobile: `0917${digits(7)}`,
  };
}

export interface RegistrationLoadOptions {
  /** Base URLs of the intake instances; an operator moves to the next one when a connection fails. */
  intakeUrls: readonly string[];
  /** An operator's access token (signed in before the load starts). */
  token: string;
  operators?: number;
  /** Pause between an operator's registrations: a steady load, not a flood, on a shared 2-core box. */
  pauseMs?: number;
  /** How long one registration keeps retrying a 503/500/connection failure once the load is stopped. */
  drainMs?: number;
}

export interface LoadFigures {
  operators: number;
  durationMs: number;
  /** Registrations started (one Idempotency-Key each). */
  registrations: number;
  accepted: number;
  http503: number;
  http500: number;
  /** Refused, reset or timed-out connections (a killed intake, an unreachable one). */
  connectionFailures: number;
  /** Registrations that needed at least one retry before their 201. */
  retriedThenAccepted: number;
  /** Answers other than 201/500/503: each is a failure, with its status and Problem Details code. */
  failures: string[];
  /** Registrations still without a 201 when the drain time ran out. */
  unresolved: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A few operators registering valid, rule-routed requests over HTTP, as a call centre would. Every 201's
 * tracking code is recorded as accepted with the agency its rules name; 503s, 500s and failed connections
 * are retried with the same Idempotency-Key, so a retry can never register the request twice.
 */
export class RegistrationLoad {
  /** Tracking code → the agency it must reach. */
  readonly accepted = new Map<string, string>();
  private readonly figures: Omit<LoadFigures, 'accepted' | 'durationMs'>;
  private stopped = false;
  private drainDeadline = Infinity;
  private next = 0;
  private readonly startedAt = Date.now();
  private stoppedAt = 0;
  private readonly operatorsDone: Promise<void>[];

  /** Starts the operators at once. */
  static start(options: RegistrationLoadOptions): RegistrationLoad {
    return new RegistrationLoad(options);
  }

  private constructor(private readonly options: RegistrationLoadOptions) {
    const operators = options.operators ?? 6;
    this.figures = {
      operators,
      registrations: 0,
      http503: 0,
      http500: 0,
      connectionFailures: 0,
      retriedThenAccepted: 0,
      failures: [],
      unresolved: 0,
    };
    this.operatorsDone = Array.from({ length: operators }, (_, i) => this.operate(i));
  }

  /** Stops starting registrations, lets those under way finish (bounded), and returns the figures. */
  async stop(): Promise<LoadFigures> {
    this.stopped = true;
    this.stoppedAt = Date.now();
    this.drainDeadline = this.stoppedAt + (this.options.drainMs ?? 90000);
    await Promise.all(this.operatorsDone);
    return {
      ...this.figures,
      failures: [...this.figures.failures],
      accepted: this.accepted.size,
      durationMs: this.stoppedAt - this.startedAt,
    };
  }

  private async operate(operator: number): Promise<void> {
    let intake = operator % this.options.intakeUrls.length;
    while (!this.stopped) {
      const n = this.next++;
      this.figures.registrations += 1;
      intake = await this.registerOne(n, intake);
      await sleep(this.options.pauseMs ?? 100);
    }
  }

  /** Registers the n-th request until a 201 or a real failure; returns the intake to use next. */
  private async registerOne(n: number, firstIntake: number): Promise<number> {
    const { categoryCode, countyCode, agencyCode } = registrationNo(n);
    const idempotencyKey = `fault-load-${randomUUID()}`;
    const body = JSON.stringify({
      channel: 'phone',
      kind: 'complaint',
      collective: false,
      citizens: [loadCitizen()],
      countyCode,
      categoryCode,
      description: `درخواست شماره ${n} در آزمون خطا`,
    });
    let intake = firstIntake;
    for (let attempt = 1; ; attempt++) {
      if (Date.now() > this.drainDeadline) {
        this.figures.unresolved += 1;
        return intake;
      }
      try {
        const res = await fetch(`${this.options.intakeUrls[intake]}/api/requests`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${this.options.token}`,
            'idempotency-key': idempotencyKey,
          },
          body,
          signal: AbortSignal.timeout(15000),
        });
        const answer = (await res.json().catch(() => ({}))) as { trackingCode?: string; code?: string };
        if (res.status === 201 && answer.trackingCode) {
          this.accepted.set(answer.trackingCode, agencyCode);
          if (attempt > 1) this.figures.retriedThenAccepted += 1;
          return intake;
        }
        if (res.status === 503) this.figures.http503 += 1;
        else if (res.status === 500) this.figures.http500 += 1;
        else {
          this.figures.failures.push(`${res.status} ${answer.code ?? ''} (registration ${n})`.trim());
          return intake;
        }
      } catch {
        this.figures.connectionFailures += 1;
        intake = (intake + 1) % this.options.intakeUrls.length;
      }
      await sleep(Math.min(200 * attempt, 1000));
    }
  }
}
