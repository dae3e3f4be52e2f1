import { bootstrapService } from '@samad/service-kit';
import { AgencyModule } from './agency.module';

void bootstrapService({
  name: 'agency',
  title: 'Samad agency service',
  module: (config) => AgencyModule.register(config),
});
