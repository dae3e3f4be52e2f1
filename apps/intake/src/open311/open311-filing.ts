import { counties } from '@samad/reference-data';
import { requestKinds, type RequestKind } from '@samad/request-lifecycle';
import type { RegisterRequestDto } from '../register-request/register-request.request.dto';
import { badRequest, notFound } from './open311-format';
import { locationOf, type Location } from './open311-location';
import { findCategory } from './open311-services';

export const JURISDICTION = 'hormozgan';

/** attribute[code] as a form sends it (`attribute[county]=BND`) or as a JSON body nests it. */
export const attributesOf = (params: Record<string, unknown>): Record<string, unknown> => {
  const nested = params['attribute'];
  const fromForm = Object.entries(params).flatMap(([key, value]) => {
    const match = /^attribute\[([a-z_]+)\]$/.exec(key);
    return match ? [[match[1], value] as const] : [];
  });
  return {
    ...(typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : {}),
    ...Object.fromEntries(fromForm),
  };
};

/** The spec's optional jurisdiction_id: this endpoint serves one jurisdiction. */
export const checkJurisdiction = (params: Record<string, unknown>): void => {
  const given = params['jurisdiction_id'];
  if (given !== undefined && given !== JURISDICTION)
    throw notFound(`unknown jurisdiction_id: use ${JURISDICTION}`);
};

const textParam = (params: Record<string, unknown>, name: string, max: number): string | undefined => {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be text`);
  if (value.length > max) throw badRequest(`${name} must be at most ${max} characters`);
  return value;
};

const required = (value: string | undefined, name: string): string => {
  if (value === undefined || value.trim() === '') throw badRequest(`${name} is required`);
  return value;
};

export interface Filing {
  readonly registration: RegisterRequestDto;
  readonly location: Location;
  readonly serviceCode: string;
}

/**
 * POST requests' parameters as Samad's registration: one citizen (first_name + last_name, phone as the
 * mobile, attribute[national_code] when given: without it the citizen is registered against the mobile,
 * ADR 39), the category (service_code), the county (attribute[county]), the kind
 * (attribute[kind], default request), channel web. The place, address and media URL go into the
 * description, which Samad seals like any citizen's words (ADR 19). email, device_id and account_id are
 * not kept. Format checks on the citizen's fields are the decider's, as for an operator.
 */
export function filingOf(params: Record<string, unknown>): Filing {
  const serviceCode = required(textParam(params, 'service_code', 50), 'service_code');
  if (!findCategory(serviceCode)) throw notFound(`unknown service_code ${serviceCode} (see services.json)`);
  const attributes = attributesOf(params);
  const county = attributes['county'];
  if (county === undefined || county === '') {
    throw badRequest(
      'attribute[county] is required: Samad cannot derive the county from a location (see docs)',
    );
  }
  if (typeof county !== 'string' || !counties.some((c) => c.code === county)) {
    throw badRequest('attribute[county] is not a county of Hormozgan (see the service definition)');
  }
  const kind = attributes['kind'] ?? 'request';
  if (typeof kind !== 'string' || !(requestKinds as readonly string[]).includes(kind)) {
    throw badRequest(`attribute[kind] must be one of ${requestKinds.join(', ')}`);
  }
  const collective = attributes['collective'];
  if (collective !== undefined && collective !== 'false' && collective !== false) {
    throw badRequest(
      'attribute[collective]: collective requests are registered at the desk, not over Open311',
    );
  }
  // Optional (ADR 39): without it the request is registered against the mobile given as `phone`.
  const nationalCode = attributes['national_code'];
  if (nationalCode !== undefined && nationalCode !== null && typeof nationalCode !== 'string') {
    throw badRequest('attribute[national_code] must be text');
  }
  const withNationalCode = typeof nationalCode === 'string' && nationalCode.trim() !== '';
  const firstName = required(textParam(params, 'first_name', 100), 'first_name');
  const lastName = required(textParam(params, 'last_name', 100), 'last_name');
  const phone = required(textParam(params, 'phone', 32), 'phone');
  const description = required(textParam(params, 'description', 3000), 'description');
  const mediaUrl = textParam(params, 'media_url', 500);
  const location = locationOf(params);
  const place = [
    location.addressString && `نشانی: ${location.addressString}`,
    location.addressId && `شناسه نشانی: ${location.addressId}`,
    location.lat !== undefined && `مختصات: ${location.lat}, ${location.long}`,
    mediaUrl && `تصویر: ${mediaUrl}`,
  ].filter(Boolean);
  return {
    serviceCode,
    location,
    registration: {
      channel: 'web',
      kind: kind as RequestKind,
      collective: false,
      citizens: [
        {
          ...(withNationalCode && { nationalCode }),
          fullName: `${firstName} ${lastName}`,
          mobile: phone,
        },
      ],
      countyCode: county,
      categoryCode: serviceCode,
      description: [description.trim(), ...place].join('\n'),
    },
  };
}
