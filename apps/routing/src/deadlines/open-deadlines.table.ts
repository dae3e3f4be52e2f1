import { momentTable } from '../watched-moments/moment.table';

/** Requests with a running deadline, at the moment of their next step (ADR 22). */
export const openDeadlines = momentTable('open_deadlines', 'check_at');
