import { TypeOrmModule } from '@nestjs/typeorm';
import type { DynamicModule } from '@nestjs/common';
import type { DataSourceOptions, EntitySchema } from 'typeorm';
import { poolTimeoutSettings } from '@samad/event-store';
import type { ServiceConfig } from '../config/service-config';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entity = Function | EntitySchema;

/** The service's TypeORM connection options, bound to its own schema, with the configured pool timeouts. */
export function typeOrmOptions(config: ServiceConfig, entities: Entity[] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.service,
    entities,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // Named so pg_stat_activity tells this pool (read models, readiness probes) from the store's and the vault's.
    applicationName: `samad-${config.service}-typeorm`,
    extra: { max: 10, ...poolTimeoutSettings(config.databaseTimeouts) },
  };
}

/** The service's TypeORM connection. Migrations run before start, not here. */
export function databaseModule(config: ServiceConfig, entities: Entity[] = []): DynamicModule {
  return TypeOrmModule.forRoot({ ...typeOrmOptions(config, entities), retryAttempts: 3 });
}
