import { processedEventsMigration } from '@samad/service-kit';

/** The routing schema's migrations, in order. */
export const routingMigrations = [processedEventsMigration('routing', 1764400000000)];
