import { parkedMessagesMigration, processedEventsMigration } from '@samad/service-kit';
import { CreateRoutingRules1764400001000 } from './migrations/1764400001000-create-routing-rules';
import { SeedHolidays1764400002000 } from './migrations/1764400002000-seed-holidays';
import { CreateOpenDeadlines1766100000000 } from './migrations/1766100000000-create-open-deadlines';
import { KeepTheCalendar1766100001000 } from './migrations/1766100001000-keep-the-calendar';
import { CreateVerdictWindows1766300000000 } from './migrations/1766300000000-create-verdict-windows';
import { CreateDirectiveDeadlines1796250000100 } from './migrations/1796250000100-create-directive-deadlines';
import { KeepRoutingRules1797049000000 } from './migrations/1797049000000-keep-routing-rules';

/** The routing schema's migrations, in order. */
export const routingMigrations = [
  processedEventsMigration('routing', 1764400000000),
  CreateRoutingRules1764400001000,
  SeedHolidays1764400002000,
  parkedMessagesMigration('routing', 1764900000000),
  CreateOpenDeadlines1766100000000,
  KeepTheCalendar1766100001000,
  CreateVerdictWindows1766300000000,
  CreateDirectiveDeadlines1796250000100,
  KeepRoutingRules1797049000000,
];
