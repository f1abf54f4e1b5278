/**
 * Which route an address shows and the data it needs, outside React: the app loads the first page's
 * data before it takes over a written page, and every navigation after that the same way.
 */
import type { ComponentType } from 'react';
import { matchPath, type Params } from 'react-router';

export interface LoaderArgs {
  params: Params;
  url: URL;
  /** Aborted when the reader navigates on before the data arrives. */
  signal: AbortSignal;
}

/** A route's component and the loader whose result it reads with `useRouteData`. */
export interface RouteModule {
  loader?: (args: LoaderArgs) => unknown;
  Component: ComponentType;
}

export interface AppRoute {
  /** A react-router path pattern (`/article/:id`, `*`); a trailing slash in the address still matches. */
  path: string;
  module?: RouteModule;
  /** For routes few readers open: their code is fetched on first use. */
  lazy?: () => Promise<RouteModule>;
}

export type LoadedRoute = { ok: true; Component: ComponentType; data: unknown } | { ok: false; error: unknown };

/** Addresses arrive percent-encoded (`/article/%D8%A7…`); loaders see the words (`/article/ا…`). */
function decodedParams(params: Params): Params {
  const decoded: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(params)) {
    try {
      decoded[name] = value === undefined ? undefined : decodeURIComponent(value);
    } catch {
      decoded[name] = value; // A malformed escape: the loader judges the raw text (and answers not found).
    }
  }
  return decoded;
}

export async function loadRoute(routes: readonly AppRoute[], url: URL, signal: AbortSignal): Promise<LoadedRoute> {
  try {
    for (const route of routes) {
      const match = matchPath({ path: route.path, end: true }, url.pathname);
      if (match === null) continue;
      const module = route.module ?? (await route.lazy?.());
      if (module === undefined) throw new Error(`route ${route.path} has neither a module nor a lazy import`);
      const params = decodedParams(match.params);
      const data = module.loader === undefined ? undefined : await module.loader({ params, url, signal });
      return { ok: true, Component: module.Component, data };
    }
    throw new Error(`no route matches ${url.pathname}`);
  } catch (error) {
    return { ok: false, error };
  }
}
