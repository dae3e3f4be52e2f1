/** A JSON answer as tests read it. */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: Json;
}

/** Plain HTTP to a running service: JSON in, JSON (or an empty body) out. */
export async function requestJson(
  method: string,
  url: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Json };
}

/** Every item of a paged list (ADR 42), page after page: the shared test database holds more than a page. */
export async function allPages(fetchPage: (page: number) => Promise<Json>): Promise<Json[]> {
  const items: Json[] = [];
  for (let page = 1; ; page++) {
    const body = await fetchPage(page);
    const pageItems = body.items as Json[];
    items.push(...pageItems);
    if (pageItems.length === 0 || items.length >= (body.total as number)) return items;
  }
}
