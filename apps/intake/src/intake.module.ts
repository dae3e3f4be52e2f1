import { Module, type DynamicModule } from '@nestjs/common';
import {
  MessagingModule,
  RequestEventRelayHost,
  ServiceKitModule,
  databaseModule,
  type ServiceConfig,
} from '@samad/service-kit';
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
import { SearchRequestsHttpController } from './search-requests/search-requests.http.controller';
import { TrackRequestHttpController } from './track-request/track-request.http.controller';
import { SearchArticlesHttpController } from './knowledge/search-articles.http.controller';
import { WriteArticleHttpController } from './knowledge/write-article.http.controller';

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
        RegisterRequestHttpController,
        SearchRequestsHttpController,
        RecordFollowUpHttpController,
        SupplyInformationHttpController,
        TrackRequestHttpController,
        GiveVerdictHttpController,
        TrackVerdictHttpController,
        EraseCitizenHttpController,
        RequestIndexMessageController,
        NotificationsHttpController,
        WriteArticleHttpController,
        SearchArticlesHttpController,
      ],
      providers: [
        RegisterRequestHandler,
        EraseCitizenHandler,
        // The store → Kafka relay runs here; a PostgreSQL leader lock lets only one replica publish at a time.
        RequestEventRelayHost,
        ...notificationProviders,
      ],
    };
  }
}
