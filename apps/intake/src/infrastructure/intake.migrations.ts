import { processedEventsMigration } from '@samad/service-kit';
import { CreateRegistrationTables1764500000000 } from './migrations/1764500000000-create-registration-tables';
import { CreateRequestIndex1764500000001 } from './migrations/1764500000001-create-request-index';

/** The intake schema's migrations, in order. */
export const intakeMigrations = [
  processedEventsMigration('intake', 1764400000000),
  CreateRegistrationTables1764500000000,
  CreateRequestIndex1764500000001,
];
