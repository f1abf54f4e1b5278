/**
 * Connection and version notices: "You are offline" while the browser is offline, and "New stories —
 * reload" when a new build's worker is waiting. Both in status regions, so screen readers hear them.
 */
import { useSyncExternalStore } from 'react';
import { acceptUpdate, getSnapshot, subscribe } from './worker-client.ts';

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

export function OfflineStatus() {
  const online = useOnline();
  const { updateReady } = useSyncExternalStore(subscribe, getSnapshot);
  return (
    <>
      <div role="status" className="connection-status">
        {online ? null : <p className="notice">You are offline. Stories saved on this device still open.</p>}
      </div>
      {updateReady ? (
        <div className="notice update-notice" role="status">
          New stories are available.{' '}
          <button type="button" onClick={acceptUpdate}>
            New stories — reload
          </button>
        </div>
      ) : null}
    </>
  );
}
