import { parkedMessagesMigration, processedEventsMigration } from '@samad/service-kit';
import { CreateReportingRequests1764400100000 } from './migrations/1764400100000-create-reporting-requests';

/** The reporting schema's migrations, in order. */
export const reportingMigrations = [
  processedEventsMigration('reporting', 1764400000000),
  CreateReportingRequests1764400100000,
  parkedMessagesMigration('reporting', 1764900000000),
];
