import { processedEventsMigration } from '@samad/service-kit';
import { CreateRoutingRules1764400001000 } from './migrations/1764400001000-create-routing-rules';

/** The routing schema's migrations, in order. */
export const routingMigrations = [
  processedEventsMigration('routing', 1764400000000),
  CreateRoutingRules1764400001000,
];
