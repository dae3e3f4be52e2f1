import { bootstrapService } from '@samad/service-kit';
import { RoutingModule } from './routing.module';

void bootstrapService({
  name: 'routing',
  title: 'Samad routing service',
  module: (config) => RoutingModule.register(config),
});
