import { loadavg } from 'node:os';
import { Client } from 'pg';
import type { Kafka } from 'kafkajs';
import { createKafka } from '@samad/service-kit';
import { testEnv, waitFor } from './environment';
import {
  captureBaseline,
  verifyDelivery,
  waitForCatchUp,
  type Baseline,
  type FaultFigures,
} from './fault-checks';
import { recordFigures } from './fault-figures';
import type { FaultSystem, InstanceName } from './fault-system';
import { requestJson } from './http';
import { RegistrationLoad, type LoadFigures, type RegistrationLoadOptions } from './registration-load';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function signIn(intakeUrl: string, username: string): Promise<string> {
  const res = await requestJson('POST', `${intakeUrl}/api/auth/login`, {
    body: { username, password: 'samad-demo' },
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}`);
  return res.body.accessToken as string;
}

export interface FinishOptions {
  accepted: ReadonlyMap<string, string>;
  /** When the system was left alone to catch up (the load stopped, or the backlog's consumers started). */
  since: number;
  load?: LoadFigures;
  timeoutMs?: number;
  details?: Record<string, unknown>;
}

/**
 * One fault scenario against a running FaultSystem: signs in as the demo operator and supervisor, notes
 * where the parking places stand, drives the load, then waits for the system to catch up and checks it.
 */
export class FaultRun {
  private constructor(
    readonly system: FaultSystem,
    readonly scenario: string,
    readonly fault: string,
    readonly sql: Client,
    readonly kafka: Kafka,
    readonly baseline: Baseline,
    private readonly operatorToken: string,
    private readonly supervisorToken: string,
  ) {}

  static async begin(system: FaultSystem, scenario: string, fault: string): Promise<FaultRun> {
    const sql = new Client({ connectionString: testEnv.databaseUrl, application_name: 'samad-fault-suite' });
    await sql.connect();
    const kafka = createKafka({ kafkaBrokers: testEnv.kafkaBrokers, kafkaClientId: 'samad-fault-suite' });
    const intake = system.baseUrl('intake');
    const [operator, supervisor] = [await signIn(intake, 'operator1'), await signIn(intake, 'supervisor1')];
    const baseline = await captureBaseline(sql, kafka);
    return new FaultRun(system, scenario, fault, sql, kafka, baseline, operator, supervisor);
  }

  startLoad(
    intakes: readonly InstanceName[] = ['intake'],
    options: Partial<RegistrationLoadOptions> = {},
  ): RegistrationLoad {
    return RegistrationLoad.start({
      intakeUrls: intakes.map((i) => this.system.baseUrl(i)),
      token: this.operatorToken,
      operators: 6,
      ...options,
    });
  }

  /** Waits (bounded) for the catch-up, checks every accepted request, records and prints the figures. */
  async finish(options: FinishOptions): Promise<FaultFigures> {
    const catchUp = await waitForCatchUp(this.sql, this.kafka, options.accepted, {
      since: options.since,
      timeoutMs: options.timeoutMs ?? 120000,
    });
    const figures = await verifyDelivery({
      scenario: this.scenario,
      fault: this.fault,
      sql: this.sql,
      kafka: this.kafka,
      baseline: this.baseline,
      accepted: options.accepted,
      catchUp,
      summaryTotal: await this.summaryTotal(),
      load: options.load,
      serviceExits: this.system.unexpectedExits(),
      details: {
        ...options.details,
        systemStartupMs: this.system.startupMs,
        // The box is shared: the 1-minute load average says how busy it was when the figures were taken.
        loadAverage1m: Number(loadavg()[0].toFixed(1)),
        logs: this.system.logDir.replace(/^.*\/\.local\//, '.local/'),
      },
    });
    recordFigures(figures);
    return figures;
  }

  async close(): Promise<void> {
    await this.sql.end();
  }

  /** Requests registered since the scenario began, as the reporting API counts them. */
  private async summaryTotal(): Promise<number> {
    const from = this.baseline.startedAt.toISOString();
    const reporting = this.system.baseUrl('reporting');
    return waitFor('the reporting summary', async () => {
      const res = await requestJson(
        'GET',
        `${reporting}/api/reports/summary?from=${encodeURIComponent(from)}`,
        {
          headers: { authorization: `Bearer ${this.supervisorToken}` },
        },
      );
      return res.status === 200 ? (res.body.total as number) : undefined;
    });
  }
}
