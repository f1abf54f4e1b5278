/** "Save all for offline": fetches every article into the cache, with progress and the space it takes. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { getSnapshot, saveAllForOffline, subscribe, type SaveState } from './worker-client.ts';

function megabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(0.1, bytes / 1e6).toFixed(1)} MB`;
}

function useStorageEstimate(refresh: unknown): string | null {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void navigator.storage
      ?.estimate?.()
      .then(({ usage, quota }) => {
        if (live && usage !== undefined && quota !== undefined)
          setText(`${megabytes(usage)} of ${megabytes(quota)} used`);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [refresh]);
  return text;
}

export function describeSave(save: SaveState): string {
  switch (save.state) {
    case 'idle':
      return '';
    case 'saving':
      return save.total === 0 ? 'Saving…' : `Saved ${save.done} of ${save.total}…`;
    case 'done':
      return `All ${save.saved} files saved: every story opens offline.`;
    case 'failed':
      if (save.reason === 'quota') {
        return `The device is out of space for this site after ${save.done} of ${save.total} files. Free some space and try again.`;
      }
      if (save.reason === 'no-worker')
        return 'Offline reading is not available in this browser or has not started yet; reload and try again.';
      return `Saving stopped after ${save.done} of ${save.total} files: the connection failed. Try again when online.`;
  }
}

export function SaveOffline() {
  const { save } = useSyncExternalStore(subscribe, getSnapshot);
  const estimate = useStorageEstimate(save.state === 'saving' ? save.done : save.state);
  return (
    <section className="save-offline" aria-label="Offline reading">
      <button type="button" onClick={saveAllForOffline} disabled={save.state === 'saving'}>
        Save all for offline
      </button>
      <span role="status">
        {describeSave(save)}
        {estimate === null ? '' : ` ${estimate}.`}
      </span>
      {save.state === 'saving' && save.total > 0 ? (
        <progress max={save.total} value={save.done} aria-label="Saving for offline" />
      ) : null}
    </section>
  );
}
