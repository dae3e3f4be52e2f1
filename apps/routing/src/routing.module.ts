import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule, databaseModule, type ServiceConfig } from '@samad/service-kit';

@Module({})
export class RoutingModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: RoutingModule,
      imports: [ServiceKitModule.forService(config), databaseModule(config)],
    };
  }
}
