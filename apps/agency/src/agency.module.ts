import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule, databaseModule, type ServiceConfig } from '@samad/service-kit';

@Module({})
export class AgencyModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AgencyModule,
      imports: [ServiceKitModule.forService(config), databaseModule(config)],
    };
  }
}
