// Migration classes for any TypeORM DataSource (a service's own runner or runEventStoreMigrations).
import { CreateEventStore1764460800000 } from './1764460800000-create-event-store';

export const eventStoreMigrations = [CreateEventStore1764460800000];
