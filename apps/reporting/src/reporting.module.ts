import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule, ServiceKitModule, databaseModule, type ServiceConfig } from '@samad/service-kit';
import { AuditCheckpointsKeeper } from './audit/audit-checkpoints.keeper';
import { AuditHttpController } from './audit/audit.http.controller';
import { AuditVerificationJobs } from './audit/audit-verification.jobs';
import { EscalationsHandler } from './escalations/escalations.handler';
import { EscalationsHttpController } from './escalations/escalations.http.controller';
import { DirectivesReportHttpController } from './directives/directives.http.controller';
import { OverdueRequestsHandler } from './overdue-requests/overdue-requests.handler';
import { OverdueRequestsHttpController } from './overdue-requests/overdue-requests.http.controller';
import { PendingExtensionsHandler } from './pending-extensions/pending-extensions.handler';
import { PendingExtensionsHttpController } from './pending-extensions/pending-extensions.http.controller';
import { RequestStatisticsMessageController } from './read-model/request-statistics.message.controller';
import { ListPersonalDataViewsHttpController } from './personal-data-views/list-personal-data-views.http.controller';
import { PersonalDataViewCountsHttpController } from './personal-data-views/personal-data-view-counts.http.controller';
import { PersonalDataViewsReadModel } from './personal-data-views/personal-data-views.read-model';
import { RevealPersonalDataHttpController } from './personal-data-views/reveal-personal-data.http.controller';
import { RequestHistoryHttpController } from './request-history/request-history.http.controller';
import { RequestSummaryAsOfHandler } from './request-summary/request-summary-as-of.handler';
import { RequestSummaryHandler } from './request-summary/request-summary.handler';
import { RequestSummaryHttpController } from './request-summary/request-summary.http.controller';
import { ScorecardsHandler } from './scorecards/scorecards.handler';
import { ScorecardsHttpController } from './scorecards/scorecards.http.controller';
import { SupervisorMetrics } from './supervisor-metrics/supervisor.metrics';
import { CampaignBoardHttpController } from './campaign-board/campaign-board.http.controller';

@Module({})
export class ReportingModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        ServiceKitModule.forService(config),
        databaseModule(config),
        MessagingModule.forService(config),
      ],
      controllers: [
        RequestSummaryHttpController,
        OverdueRequestsHttpController,
        EscalationsHttpController,
        PendingExtensionsHttpController,
        DirectivesReportHttpController,
        ScorecardsHttpController,
        CampaignBoardHttpController,
        RequestHistoryHttpController,
        AuditHttpController,
        RevealPersonalDataHttpController,
        ListPersonalDataViewsHttpController,
        PersonalDataViewCountsHttpController,
        RequestStatisticsMessageController,
      ],
      providers: [
        RequestSummaryHandler,
        RequestSummaryAsOfHandler,
        OverdueRequestsHandler,
        EscalationsHandler,
        PendingExtensionsHandler,
        ScorecardsHandler,
        PersonalDataViewsReadModel,
        SupervisorMetrics,
        AuditCheckpointsKeeper,
        AuditVerificationJobs,
      ],
    };
  }
}
