import { toAsciiDigits } from '@samad/request-lifecycle';
import { badRequest } from './open311-format';

/**
 * A box around Hormozgan province, islands included, in WGS84 degrees: drawn generously by hand from the
 * province's known extent (not an official boundary) only to refuse points plainly elsewhere. Samad ships
 * no county boundaries (ADR 0032): none of known origin and licence could be obtained here, so the county
 * is never derived from a point; the client sends attribute[county].
 */
export const hormozganBox = { south: 25.0, north: 28.9, west: 52.6, east: 59.4 } as const;

export interface Location {
  readonly lat?: number;
  readonly long?: number;
  readonly addressString?: string;
  readonly addressId?: string;
}

const coordinate = (value: unknown, name: string, min: number, max: number): number => {
  const text = typeof value === 'string' ? toAsciiDigits(value.trim()) : '';
  const number = /^-?[0-9]{1,3}(\.[0-9]+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(number >= min && number <= max)) throw badRequest(`${name} must be a WGS84 decimal degree`);
  return number;
};

const text = (value: unknown, name: string, max: number): string | undefined => {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max)
    throw badRequest(`${name} must be text of at most ${max} characters`);
  return value.trim() || undefined;
};

/** The spec's location: lat and long together, or address_string, or address_id; one of them is required. */
export function locationOf(params: Record<string, unknown>): Location {
  const addressString = text(params['address_string'], 'address_string', 500);
  const addressId = text(params['address_id'], 'address_id', 100);
  const hasLat = params['lat'] !== undefined && params['lat'] !== '';
  const hasLong = params['long'] !== undefined && params['long'] !== '';
  if (hasLat !== hasLong) throw badRequest('lat and long must be sent together');
  if (!hasLat && addressString === undefined && addressId === undefined) {
    throw badRequest('a location is required: lat and long, address_string or address_id');
  }
  if (!hasLat) return { addressString, addressId };
  const lat = coordinate(params['lat'], 'lat', -90, 90);
  const long = coordinate(params['long'], 'long', -180, 180);
  const { south, north, west, east } = hormozganBox;
  if (lat < south || lat > north || long < west || long > east) {
    throw badRequest('the point lies outside Hormozgan province: Samad takes requests for Hormozgan only');
  }
  return { lat, long, addressString, addressId };
}
