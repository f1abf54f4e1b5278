/**
 * Where JSON enters the app: fetched, then checked against the shared contract. A missing file becomes a
 * 404 route error (the not-found view); data of the wrong shape becomes a SchemaMismatchError (the
 * "data does not match" view), never a blank page or a crash deep in a component.
 */
import type * as v from 'valibot';
import { parseOrThrow } from '../../shared/validate.ts';
import { RouteStatus } from '../routing/route-status.ts';

export const OFFLINE_STATUS_TEXT = 'Offline';

export async function fetchValidated<TSchema extends v.GenericSchema>(
  url: string,
  schema: TSchema,
  signal?: AbortSignal,
): Promise<v.InferOutput<TSchema>> {
  let response: Response;
  try {
    response = await fetch(url, signal === undefined ? {} : { signal });
  } catch (error) {
    if (signal?.aborted === true) throw error;
    // No network and not in the offline cache: the route shows what is available instead.
    throw new RouteStatus(503, OFFLINE_STATUS_TEXT);
  }
  if (response.status === 404) throw new RouteStatus(404, 'Not Found');
  if (!response.ok) throw new RouteStatus(response.status, response.statusText);
  const type = response.headers.get('content-type') ?? '';
  // A static host's SPA fallback answers unknown paths with index.html: that is a missing file too.
  if (type.includes('text/html')) throw new RouteStatus(404, 'Not Found');
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new RouteStatus(502, `${url} is not valid JSON`);
  }
  return parseOrThrow(schema, json, url);
}
