import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard, TOKEN_VERIFIER } from './auth/auth.guard';
import { RevocationList } from './auth/revocation-list';
import { TokenVerifier } from './auth/token-verifier';
import type { ServiceConfig } from './config/service-config';
import { deadLettersHttpController } from './dead-letters/dead-letters.http.controller';
import { HealthController } from './health/health.controller';
import { KafkaReadiness } from './health/kafka.readiness';
import { PostgresReadiness } from './health/postgres.readiness';
import { ReadinessRegistry } from './health/readiness.registry';
import { ReadinessService } from './health/readiness.service';
import { MetricsController } from './observability/metrics.controller';
import { ReadinessMetrics } from './observability/readiness.metrics';
import { SamadMetrics } from './observability/samad-metrics';
import { SERVICE_CONFIG } from './service-tokens';
import { ConsumerMonitor } from './transport/consumer-monitor';

/**
 * What every Samad service has: its validated configuration, `GET /health/live`, `/health/ready` (and its
 * alias `/health`), the readiness registry other components report into, and the token guard on every route.
 */
@Global()
@Module({})
export class ServiceKitModule {
  static forService(config: ServiceConfig): DynamicModule {
    // Built here, before Nest starts, so an unreadable key stops the service with a configuration error.
    const verifier = TokenVerifier.create(config.auth);
    return {
      module: ServiceKitModule,
      controllers: [HealthController, MetricsController, deadLettersHttpController(config.service)],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: TOKEN_VERIFIER, useValue: verifier },
        RevocationList,
        { provide: APP_GUARD, useClass: AuthGuard },
        ReadinessRegistry,
        PostgresReadiness,
        KafkaReadiness,
        ReadinessService,
        ConsumerMonitor,
        {
          provide: SamadMetrics,
          useFactory: () => new SamadMetrics(config.service, process.env.SAMAD_INSTANCE_ID),
        },
        ReadinessMetrics,
      ],
      exports: [
        SERVICE_CONFIG,
        TOKEN_VERIFIER,
        RevocationList,
        ReadinessRegistry,
        ConsumerMonitor,
        SamadMetrics,
      ],
    };
  }
}
