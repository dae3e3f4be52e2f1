import { bootstrapService } from '@samad/service-kit';
import { IntakeModule } from './intake.module';

void bootstrapService({
  name: 'intake',
  title: 'Samad intake service',
  module: (config) => IntakeModule.register(config),
});
