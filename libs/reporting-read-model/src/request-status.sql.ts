import { heldStatuses } from '@samad/request-lifecycle';

// SQL literals from the domain's own vocabulary (constants, never user input), so reports and rules agree.

/** `status IN (...)` for requests an agency holds with its clock running (the only ones that can be overdue). */
export const HELD_BY_AGENCY = `status IN (${heldStatuses.map((s) => `'${s}'`).join(', ')})`;

/** Not answered and not closed: someone still owes the citizen a next step. */
export const OPEN = `status NOT IN ('answered', 'closed')`;
