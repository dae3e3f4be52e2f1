import { toAsciiDigits } from '@samad/request-lifecycle';
import { badRequest } from './open311-format';

const DAY_MS = 86_400_000;
export const MAX_RANGE_DAYS = 90;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const dateOf = (value: unknown, name: string): Date | undefined => {
  if (value === undefined || value === '') return undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  const date = ISO_DATETIME.test(text) ? new Date(text) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw badRequest(`${name} must be a W3C (ISO 8601) date-time`);
  return date;
};

/** start_date/end_date: at most 90 days apart; without them, the 90 days up to now (the spec's default). */
export function dateRangeOf(query: Record<string, unknown>): { from: Date; to: Date } {
  const start = dateOf(query['start_date'], 'start_date');
  const end = dateOf(query['end_date'], 'end_date');
  const to = end ?? (start ? new Date(start.getTime() + MAX_RANGE_DAYS * DAY_MS) : new Date());
  const from = start ?? new Date(to.getTime() - MAX_RANGE_DAYS * DAY_MS);
  if (from > to) throw badRequest('start_date must not be after end_date');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw badRequest(`start_date and end_date must be at most ${MAX_RANGE_DAYS} days apart`);
  }
  return { from, to };
}

const positive = (value: unknown, name: string, fallback: number, max: number): number => {
  if (value === undefined || value === '') return fallback;
  const text = typeof value === 'string' ? toAsciiDigits(value.trim()) : '';
  const number = /^[0-9]{1,6}$/.test(text) ? Number(text) : 0;
  if (number < 1 || number > max) throw badRequest(`${name} must be a whole number from 1 to ${max}`);
  return number;
};

/** The page/page_size extension: pages of at most 200, newest first. */
export function pageOf(query: Record<string, unknown>): { limit: number; offset: number } {
  const pageSize = positive(query['page_size'], 'page_size', 100, 200);
  const page = positive(query['page'], 'page', 1, 100_000);
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

/** A comma-separated parameter (service_request_id, service_code), at most 100 values. */
export function listOf(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be a comma-separated list`);
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (items.length === 0 || items.length > 100) throw badRequest(`${name} must list 1 to 100 values`);
  return items;
}
