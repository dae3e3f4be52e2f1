import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule, ServiceKitModule, databaseModule, type ServiceConfig } from '@samad/service-kit';
import { AcknowledgeRequestHttpController } from './acknowledge-request/acknowledge-request.http.controller';
import { AgencyCommandRunner } from './acting-agency/agency-command.runner';
import { AgencyEventsMessageController } from './agency-events.message.controller';
import { AgencyTopicRelayHost } from './agency-topics/agency-topic.relay-host';
import { AnswerRequestHttpController } from './answer-request/answer-request.http.controller';
import { AnswerMatterHttpController } from './answer-matter/answer-matter.http.controller';
import { AsyncApiHttpController } from './asyncapi/asyncapi.http.controller';
import { AnswerTemplatesHttpController } from './answer-templates/answer-templates.http.controller';
import { ReferRequestHttpController } from './refer-request/refer-request.http.controller';
import { RequestDetailsHttpController } from './request-details/request-details.http.controller';
import { ReturnRequestHttpController } from './return-request/return-request.http.controller';
import { RequestExtensionHttpController } from './request-extension/request-extension.http.controller';
import { ReportDirectiveHttpController } from './report-directive/report-directive.http.controller';
import { RequestInformationHttpController } from './request-information/request-information.http.controller';
import { InboxEventsHttpController } from './inbox-live/inbox-events.http.controller';
import { InboxLiveFeed } from './inbox-live/inbox-live.feed';
import { ViewInboxHttpController } from './view-inbox/view-inbox.http.controller';
import { AgencyRequestHistoryHttpController } from './request-history/agency-request-history.http.controller';
import { RequestAttachmentsHttpController } from './request-attachments/request-attachments.http.controller';

@Module({})
export class AgencyModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AgencyModule,
      imports: [
        ServiceKitModule.forService(config),
        databaseModule(config),
        MessagingModule.forService(config),
      ],
      controllers: [
        ViewInboxHttpController,
        InboxEventsHttpController,
        AcknowledgeRequestHttpController,
        ReferRequestHttpController,
        AnswerRequestHttpController,
        AnswerMatterHttpController,
        AnswerTemplatesHttpController,
        ReturnRequestHttpController,
        RequestExtensionHttpController,
        ReportDirectiveHttpController,
        RequestInformationHttpController,
        RequestDetailsHttpController,
        RequestAttachmentsHttpController,
        AgencyRequestHistoryHttpController,
        AsyncApiHttpController,
        AgencyEventsMessageController,
      ],
      providers: [AgencyCommandRunner, AgencyTopicRelayHost, InboxLiveFeed],
    };
  }
}
