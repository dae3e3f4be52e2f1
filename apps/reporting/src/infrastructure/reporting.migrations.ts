import { parkedMessagesMigration, processedEventsMigration } from '@samad/service-kit';
import { CreateReportingRequests1764400100000 } from './migrations/1764400100000-create-reporting-requests';
import { CreatePersonalDataViews1765100000000 } from './migrations/1765100000000-create-personal-data-views';
import { AddEscalationsToRequests1766100100000 } from './migrations/1766100100000-add-escalations-to-requests';
import { CreateScorecardFacts1766200000000 } from './migrations/1766200000000-create-scorecard-facts';
import { AddCampaignToRequests1766400100000 } from './migrations/1766400100000-add-campaign-to-requests';
import { CreateAuditCheckpoints1796230100000 } from './migrations/1796230100000-create-audit-checkpoints';
import { CreateAuditVerifications1796250000000 } from './migrations/1796250000000-create-audit-verifications';
import { CreateDirectives1796250000200 } from './migrations/1796250000200-create-directives';
import { CampaignNameOnRequests1796260000200 } from './migrations/1796260000200-campaign-name-on-requests';
import { PendingExtensionOnRequests1796270000300 } from './migrations/1796270000300-pending-extension-on-requests';

/** The reporting schema's migrations, in order. */
export const reportingMigrations = [
  processedEventsMigration('reporting', 1764400000000),
  CreateReportingRequests1764400100000,
  parkedMessagesMigration('reporting', 1764900000000),
  CreatePersonalDataViews1765100000000,
  AddEscalationsToRequests1766100100000,
  CreateScorecardFacts1766200000000,
  AddCampaignToRequests1766400100000,
  CreateAuditCheckpoints1796230100000,
  CreateAuditVerifications1796250000000,
  CreateDirectives1796250000200,
  CampaignNameOnRequests1796260000200,
  PendingExtensionOnRequests1796270000300,
];
