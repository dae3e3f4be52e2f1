import { processedEventsMigration } from '@samad/service-kit';

/** The reporting schema's migrations, in order. */
export const reportingMigrations = [processedEventsMigration('reporting', 1764400000000)];
