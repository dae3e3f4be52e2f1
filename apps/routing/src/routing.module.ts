import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule, ServiceKitModule, databaseModule, type ServiceConfig } from '@samad/service-kit';
import { AdminHolidaysHttpController } from './admin-holidays/admin-holidays.http.controller';
import { CategoryDeadlinesHttpController } from './category-deadlines/category-deadlines.http.controller';
import { ListAgenciesHttpController } from './list-agencies/list-agencies.http.controller';
import { ListRulesHttpController } from './list-rules/list-rules.http.controller';
import { RuleChangesHttpController } from './rule-changes/rule-changes.http.controller';
import { EditRulesHttpController } from './edit-rules/edit-rules.http.controller';
import { ListManualQueueHttpController } from './manual-queue/list-manual-queue.http.controller';
import { RouteByRulesHandler } from './route-by-rules/route-by-rules.handler';
import { RouteManuallyHandler } from './route-manually/route-manually.handler';
import { RouteManuallyHttpController } from './route-manually/route-manually.http.controller';
import { RoutingEventsMessageController } from './routing-events.message.controller';
import { DeadlineWatcherHost } from './deadlines/deadline-watcher.host';
import { VerdictWindowWatcherHost } from './verdict-window/verdict-window-watcher.host';
import { CloseRequestHttpController } from './close-request/close-request.http.controller';
import { SetDueTimeHttpController } from './set-due-time/set-due-time.http.controller';
import { IssueDirectivesHttpController } from './directives/issue-directives.http.controller';
import { DecideExtensionHttpController } from './decide-extension/decide-extension.http.controller';

@Module({})
export class RoutingModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: RoutingModule,
      imports: [
        ServiceKitModule.forService(config),
        databaseModule(config),
        MessagingModule.forService(config),
      ],
      controllers: [
        // Listed first, so `changes` is never taken for a rule's id.
        RuleChangesHttpController,
        ListRulesHttpController,
        EditRulesHttpController,
        ListAgenciesHttpController,
        ListManualQueueHttpController,
        RouteManuallyHttpController,
        AdminHolidaysHttpController,
        CategoryDeadlinesHttpController,
        SetDueTimeHttpController,
        CloseRequestHttpController,
        DecideExtensionHttpController,
        IssueDirectivesHttpController,
        RoutingEventsMessageController,
      ],
      providers: [RouteByRulesHandler, RouteManuallyHandler, DeadlineWatcherHost, VerdictWindowWatcherHost],
    };
  }
}
