import { DEFAULT_PORTS, type ServiceName } from '../../libs/service-kit/src/config/service-config';

/** One process the supervisor runs: a service's k-th replica, on its own port and with its own Kafka client id. */
export interface ServiceInstance {
  service: ServiceName;
  /** 1-based replica number. */
  index: number;
  /** `intake#2`: how its output lines and the supervisor's messages name it. */
  name: string;
  port: number;
  /** `intake.log` for the first replica, `intake-2.log` for the others. */
  logFile: string;
  /** Added to the supervisor's environment for this process only. */
  env: Record<string, string>;
}

export const SERVICES = Object.keys(DEFAULT_PORTS) as ServiceName[];
// Replica k listens on the service's port + 100·(k-1): 3001, 3101, 3201… so the four services never collide.
export const REPLICA_PORT_STEP = 100;
export const MAX_REPLICAS = 9;

export function parseReplicas(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const replicas = Number(value);
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > MAX_REPLICAS) {
    throw new Error(`REPLICAS must be a whole number from 1 to ${MAX_REPLICAS} (got "${value}")`);
  }
  return replicas;
}

export function basePort(service: ServiceName, env: NodeJS.ProcessEnv): number {
  return Number(env[`${service.toUpperCase()}_PORT`] ?? DEFAULT_PORTS[service]);
}

/**
 * Every instance to run. All replicas of a service share its consumer group (Kafka splits the partitions
 * between them) and the relay's leader lock in PostgreSQL keeps a single relay publishing; only the HTTP
 * port, the Kafka client id and SAMAD_INSTANCE_ID differ, so logs and broker tooling tell them apart.
 */
export function planInstances(env: NodeJS.ProcessEnv): ServiceInstance[] {
  const replicas = parseReplicas(env.REPLICAS);
  return SERVICES.flatMap((service) =>
    Array.from({ length: replicas }, (_, i): ServiceInstance => {
      const index = i + 1;
      const port = basePort(service, env) + REPLICA_PORT_STEP * i;
      const clientId = `${env.KAFKA_CLIENT_ID ?? `samad-${service}`}-${index}`;
      return {
        service,
        index,
        name: `${service}#${index}`,
        port,
        logFile: index === 1 ? `${service}.log` : `${service}-${index}.log`,
        env: {
          [`${service.toUpperCase()}_PORT`]: String(port),
          SAMAD_INSTANCE_ID: `${service}-${index}`,
          KAFKA_CLIENT_ID: clientId,
        },
      };
    }),
  );
}
