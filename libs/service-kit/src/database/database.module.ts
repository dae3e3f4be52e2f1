import { TypeOrmModule } from '@nestjs/typeorm';
import type { DynamicModule } from '@nestjs/common';
import type { EntitySchema } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entity = Function | EntitySchema;

/** The service's TypeORM connection, bound to its own schema. Migrations run before start, not here. */
export function databaseModule(config: ServiceConfig, entities: Entity[] = []): DynamicModule {
  return TypeOrmModule.forRoot({
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.service,
    entities,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    retryAttempts: 3,
    // Named so pg_stat_activity tells this pool (read models, readiness probes) from the store's and the vault's.
    applicationName: `samad-${config.service}-typeorm`,
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  });
}
