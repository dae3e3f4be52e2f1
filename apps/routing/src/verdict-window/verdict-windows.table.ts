import { momentTable } from '../watched-moments/moment.table';

/** Answered requests whose citizen's verdict window is open, until it ends (ADR 25). */
export const verdictWindows = momentTable('verdict_windows', 'closes_at');
