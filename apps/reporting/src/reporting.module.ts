import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule, databaseModule, type ServiceConfig } from '@samad/service-kit';

@Module({})
export class ReportingModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ReportingModule,
      imports: [ServiceKitModule.forService(config), databaseModule(config)],
    };
  }
}
