import { bootstrapService } from '@samad/service-kit';
import { ReportingModule } from './reporting.module';

void bootstrapService({
  name: 'reporting',
  title: 'Samad reporting service',
  module: (config) => ReportingModule.register(config),
});
