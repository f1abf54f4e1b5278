/**
 * A route's answer that is not its page: not found, offline, a failed fetch. Loaders throw it; the
 * route error view turns it into the matching message.
 */
export class RouteStatus extends Error {
  constructor(
    readonly status: number,
    readonly statusText: string,
  ) {
    super(`${status} ${statusText}`);
    this.name = 'RouteStatus';
  }
}

export function notFound(): RouteStatus {
  return new RouteStatus(404, 'Not Found');
}
