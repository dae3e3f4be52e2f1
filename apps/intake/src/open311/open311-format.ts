import { XMLBuilder } from 'fast-xml-parser';
import type { Response } from 'express';

export type Open311Format = 'json' | 'xml';

/** A GeoReport v2 failure: the spec's `[{code, description}]`, answered with the status the spec names. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

export const badRequest = (description: string): Open311Error => new Open311Error(400, description);
export const notFound = (description: string): Open311Error => new Open311Error(404, description);

export const formatOf = (format: string): Open311Format => {
  const lowered = format.toLowerCase();
  if (lowered === 'json' || lowered === 'xml') return lowered;
  throw badRequest(`unknown format "${format}": use .json or .xml`);
};

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false, suppressBooleanAttributes: false });

/**
 * One answer in both of the spec's formats: JSON as is; XML under `root`, each array item as an `item`
 * element (the spec's plural-root / singular-child shape). Nulls and undefined are left out.
 */
export interface Open311Body {
  readonly root: string;
  readonly item: string;
  readonly items: readonly object[];
}

const withoutEmpty = (value: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null));

export const xmlOf = (root: string, content: unknown): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: content }) as string}`;

export function send(
  response: Response,
  format: Open311Format,
  body: Open311Body | object,
  status = 200,
): void {
  response.status(status);
  if ('root' in body && 'items' in body) {
    const list = body.items.map(withoutEmpty);
    if (format === 'json') response.type('application/json; charset=utf-8').send(JSON.stringify(list));
    else response.type('text/xml; charset=utf-8').send(xmlOf(body.root, { [body.item]: list }));
    return;
  }
  // A single object (discovery, a service definition): named by its root in XML.
  const { root, ...rest } = body as { root: string };
  if (format === 'json') response.type('application/json; charset=utf-8').send(JSON.stringify(rest));
  else response.type('text/xml; charset=utf-8').send(xmlOf(root, rest));
}

export function sendErrors(
  response: Response,
  format: Open311Format,
  status: number,
  description: string,
): void {
  const errors = [{ code: status, description }];
  response.status(status);
  if (format === 'json') response.type('application/json; charset=utf-8').send(JSON.stringify(errors));
  else response.type('text/xml; charset=utf-8').send(xmlOf('errors', { error: errors }));
}
