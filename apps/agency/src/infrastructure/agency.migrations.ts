import { parkedMessagesMigration, processedEventsMigration } from '@samad/service-kit';
import { CreateAgencyReadModels1764400001000 } from './migrations/1764400001000-create-agency-read-models';
import { ErasableCitizenContact1764600000100 } from './migrations/1764600000100-erasable-citizen-contact';
import { RequestMatter1796234759000 } from './migrations/1796234759000-request-matter';
import { CreateAnswerTemplates1767000000100 } from './migrations/1767000000100-create-answer-templates';
import { RequestPriority1796240000000 } from './migrations/1796240000000-request-priority';
import { CreateDirectives1796250000000 } from './migrations/1796250000000-create-directives';

/** The agency schema's migrations, in order. */
export const agencyMigrations = [
  processedEventsMigration('agency', 1764400000000),
  CreateAgencyReadModels1764400001000,
  ErasableCitizenContact1764600000100,
  parkedMessagesMigration('agency', 1764900000000),
  RequestMatter1796234759000,
  CreateAnswerTemplates1767000000100,
  RequestPriority1796240000000,
  CreateDirectives1796250000000,
];
