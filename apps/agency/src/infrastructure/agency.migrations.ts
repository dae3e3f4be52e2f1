import { processedEventsMigration } from '@samad/service-kit';

/** The agency schema's migrations, in order. */
export const agencyMigrations = [processedEventsMigration('agency', 1764400000000)];
