import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule, databaseModule, type ServiceConfig } from '@samad/service-kit';

@Module({})
export class IntakeModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [ServiceKitModule.forService(config), databaseModule(config)],
    };
  }
}
