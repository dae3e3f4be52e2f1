import { parkedMessagesMigration, processedEventsMigration } from '@samad/service-kit';
import { CreateRegistrationTables1764500000000 } from './migrations/1764500000000-create-registration-tables';
import { CreateRequestIndex1764500000001 } from './migrations/1764500000001-create-request-index';
import { RequestIndexWithoutPlaintext1764600000200 } from './migrations/1764600000200-request-index-without-plaintext';
import { CreateUsers1764650000000 } from './migrations/1764650000000-create-users';
import { CreateTrackLookups1764950000000 } from './migrations/1764950000000-create-track-lookups';
import { DropIntakeLoginFailures1765000000100 } from './migrations/1765000000100-drop-intake-login-failures';
import { CreateCitizenNotifications1766300000000 } from './migrations/1766300000000-create-citizen-notifications';
import { CreateOpen3111796234627000 } from './migrations/1796234627000-create-open311';
import { CreateRequestDescriptions1796234759100 } from './migrations/1796234759100-create-request-descriptions';
import { CreateCampaigns1766400000000 } from './migrations/1766400000000-create-campaigns';
import { CreateKnowledgeBase1767000000000 } from './migrations/1767000000000-create-knowledge-base';
import { OfficialRole1796250000300 } from './migrations/1796250000300-official-role';
import { AgencyManagers1767100000000 } from './migrations/1767100000000-agency-managers';
import { MobileOnlyCitizens1796239000000 } from './migrations/1796239000000-mobile-only-citizens';
import { MergedCitizensFollow1796260000000 } from './migrations/1796260000000-merged-citizens-follow';
import { RequestIndexMatter1796260000100 } from './migrations/1796260000100-request-index-matter';
import { OperatorExtensions1796270045000 } from './migrations/1796270045000-operator-extensions';
import { UserChanges1796280048000 } from './migrations/1796280048000-user-changes';

/** The intake schema's migrations, in order. */
export const intakeMigrations = [
  processedEventsMigration('intake', 1764400000000),
  CreateRegistrationTables1764500000000,
  CreateRequestIndex1764500000001,
  RequestIndexWithoutPlaintext1764600000200,
  CreateUsers1764650000000,
  parkedMessagesMigration('intake', 1764900000000),
  CreateTrackLookups1764950000000,
  DropIntakeLoginFailures1765000000100,
  CreateCitizenNotifications1766300000000,
  CreateOpen3111796234627000,
  CreateRequestDescriptions1796234759100,
  CreateCampaigns1766400000000,
  CreateKnowledgeBase1767000000000,
  OfficialRole1796250000300,
  AgencyManagers1767100000000,
  MobileOnlyCitizens1796239000000,
  MergedCitizensFollow1796260000000,
  RequestIndexMatter1796260000100,
  OperatorExtensions1796270045000,
  UserChanges1796280048000,
];
