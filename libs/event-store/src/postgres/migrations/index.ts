// Migration classes for any TypeORM DataSource (a service's own runner or runEventStoreMigrations).
import { CreateEventStore1764460800000 } from './1764460800000-create-event-store';
import { CreateAuditCheckpoints1796230000000 } from './1796230000000-create-audit-checkpoints';
import { AppendAsOwner1796270000000 } from './1796270000000-append-as-owner';

export const eventStoreMigrations = [
  CreateEventStore1764460800000,
  CreateAuditCheckpoints1796230000000,
  AppendAsOwner1796270000000,
];
