/** What a route shows when its data is missing, malformed or failed to load: never a blank page. */
import { Link } from 'react-router';
import { useRouteError } from '../routing/app-routes.tsx';
import { RouteStatus } from '../routing/route-status.ts';
import { SchemaMismatchError } from '../../shared/validate.ts';
import { OFFLINE_STATUS_TEXT } from '../data/fetch-validated.ts';

export function NotFoundView() {
  return (
    <section className="error-view" aria-labelledby="error-title">
      <h1 id="error-title" tabIndex={-1}>
        Page not found
      </h1>
      <p>There is no article or page at this address. It may have been removed or the link mistyped.</p>
      <p>
        <Link to="/">Back to all stories</Link>
      </p>
    </section>
  );
}

/** Offline, and this page's data was never saved on the device. */
export function OfflineView() {
  return (
    <section className="error-view" aria-labelledby="error-title">
      <h1 id="error-title" tabIndex={-1}>
        Not available offline
      </h1>
      <p>
        You are offline and this page was not saved on this device. Stories marked “Saved offline” in the list open
        without a connection; “Save all for offline” keeps every story next time you are online.
      </p>
      <p>
        <Link to="/">See the stories you can read</Link>
      </p>
    </section>
  );
}

export function RouteErrorView() {
  const error = useRouteError();
  if (error instanceof RouteStatus && error.status === 404) return <NotFoundView />;
  if (error instanceof RouteStatus && error.status === 503 && error.statusText === OFFLINE_STATUS_TEXT) {
    return <OfflineView />;
  }
  const title =
    error instanceof SchemaMismatchError ? 'This data does not match the expected format' : 'Something went wrong';
  const detail =
    error instanceof SchemaMismatchError
      ? `${error.what}: ${error.details}. The site may need rebuilding with this version of Broadsheet.`
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <section className="error-view" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p className="error-detail">{detail}</p>
      <p>
        <Link to="/">Back to all stories</Link>
      </p>
    </section>
  );
}
