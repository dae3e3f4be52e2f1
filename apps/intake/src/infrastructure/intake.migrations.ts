import { processedEventsMigration } from '@samad/service-kit';

/** The intake schema's migrations, in order. */
export const intakeMigrations = [processedEventsMigration('intake', 1764400000000)];
