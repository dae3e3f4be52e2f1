import { momentTable } from '../watched-moments/moment.table';

/** Requests with an open directive, at the due time of the earliest one (ADR 37). */
export const directiveDeadlines = momentTable('directive_deadlines', 'check_at');
