import { Module, type DynamicModule } from '@nestjs/common';
import {
  MessagingModule,
  RequestEventRelayHost,
  ServiceKitModule,
  databaseModule,
  type ServiceConfig,
} from '@samad/service-kit';
import { AuditCheckpointerHost } from './audit-checkpoints/audit-checkpointer.host';
import { GiveVerdictHttpController } from './give-verdict/give-verdict.http.controller';
import { TrackVerdictHttpController } from './give-verdict/track-verdict.http.controller';
import { GetCatalogHttpController } from './catalog/get-catalog.http.controller';
import { EraseCitizenHandler } from './erase-citizen/erase-citizen.handler';
import { EraseCitizenHttpController } from './erase-citizen/erase-citizen.http.controller';
import { LoginModule } from './login/login.module';
import { NotificationsHttpController } from './notifications/notifications.http.controller';
import { notificationProviders } from './notifications/notifications.providers';
import { RequestIndexMessageController } from './read-model/request-index.message.controller';
import { RecordFollowUpHttpController } from './record-follow-up/record-follow-up.http.controller';
import { SupplyInformationHttpController } from './supply-information/supply-information.http.controller';
import { RegisterRequestHandler } from './register-request/register-request.handler';
import { RegisterRequestHttpController } from './register-request/register-request.http.controller';
import { AnsweredInPersonHttpController } from './answered-in-person/answered-in-person.http.controller';
import { SearchRequestsHttpController } from './search-requests/search-requests.http.controller';
import { TrackRequestHttpController } from './track-request/track-request.http.controller';
import { Open311ClientsHttpController } from './open311/open311-clients.http.controller';
import { Open311ClientsStore } from './open311/open311-clients.store';
import { Open311HttpController } from './open311/open311.http.controller';
import { Open311RequestsStore } from './open311/open311-requests.store';
import { PossibleDuplicatesHttpController } from './possible-duplicates/possible-duplicates.http.controller';
import { PossibleDuplicatesQuery } from './possible-duplicates/possible-duplicates.query';
import { MergeDuplicateHttpController } from './merge-duplicate/merge-duplicate.http.controller';
import { AddSignatoryHttpController } from './add-signatory/add-signatory.http.controller';
import { SimilarRequestsHttpController } from './similar-requests/similar-requests.http.controller';
import { ListMattersHttpController } from './list-matters/list-matters.http.controller';
import { CampaignsHttpController } from './campaigns/campaigns.http.controller';
import { AddAttachmentHttpController } from './attachments/add-attachment.http.controller';
import { SearchArticlesHttpController } from './knowledge/search-articles.http.controller';
import { WriteArticleHttpController } from './knowledge/write-article.http.controller';
import { AnsweredCallsChannel } from './telephony/answered-calls.channel';
import { TelephonyKeyGuard } from './telephony/telephony-key.guard';
import { TelephonyHttpController } from './telephony/telephony.http.controller';

@Module({})
export class IntakeModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ServiceKitModule.forService(config),
        databaseModule(config),
        MessagingModule.forService(config),
        LoginModule.register(config),
      ],
      controllers: [
        GetCatalogHttpController,
        AnsweredInPersonHttpController,
        RegisterRequestHttpController,
        SearchRequestsHttpController,
        RecordFollowUpHttpController,
        PossibleDuplicatesHttpController,
        MergeDuplicateHttpController,
        AddSignatoryHttpController,
        ListMattersHttpController,
        SimilarRequestsHttpController,
        SupplyInformationHttpController,
        TrackRequestHttpController,
        GiveVerdictHttpController,
        TrackVerdictHttpController,
        EraseCitizenHttpController,
        RequestIndexMessageController,
        NotificationsHttpController,
        Open311HttpController,
        Open311ClientsHttpController,
        CampaignsHttpController,
        AddAttachmentHttpController,
        WriteArticleHttpController,
        SearchArticlesHttpController,
        TelephonyHttpController,
      ],
      providers: [
        RegisterRequestHandler,
        PossibleDuplicatesQuery,
        EraseCitizenHandler,
        Open311ClientsStore,
        Open311RequestsStore,
        // The store → Kafka relay runs here; a PostgreSQL leader lock lets only one replica publish at a time.
        RequestEventRelayHost,
        AuditCheckpointerHost,
        AnsweredCallsChannel,
        TelephonyKeyGuard,
        ...notificationProviders,
      ],
    };
  }
}
