import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from './config/service-config';
import { HealthController } from './health/health.controller';
import { SERVICE_CONFIG } from './service-tokens';

/** What every Samad service has: its validated configuration and `GET /health`. */
@Global()
@Module({})
export class ServiceKitModule {
  static forService(config: ServiceConfig): DynamicModule {
    return {
      module: ServiceKitModule,
      controllers: [HealthController],
      providers: [{ provide: SERVICE_CONFIG, useValue: config }],
      exports: [SERVICE_CONFIG],
    };
  }
}
