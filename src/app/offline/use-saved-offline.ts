/** Which of the given articles can be read offline: their data is in a cache on this device. */
import { useEffect, useState } from 'react';
import { articleEntryPath } from '../../shared/site-paths.ts';

export function useSavedOffline(articleIds: readonly string[]): ReadonlySet<string> {
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  const key = articleIds.join('\n');
  useEffect(() => {
    if (typeof caches === 'undefined') return;
    let live = true;
    void Promise.all(
      key
        .split('\n')
        .filter(Boolean)
        .map(async (id) => ((await caches.match(articleEntryPath(id))) === undefined ? null : id)),
    ).then((ids) => {
      if (live) setSaved(new Set(ids.filter((id): id is string => id !== null)));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return saved;
}
