/**
 * A value kept in localStorage that components read with useSyncExternalStore: parsed and checked once
 * per change, shared by every component, and kept in step with other tabs through the `storage` event.
 * Storage that is missing, full or blocked (private modes) degrades to memory for this page's life.
 */
import { useSyncExternalStore } from 'react';

export interface LocalStore<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Access throws when the browser blocks site data.
  }
}

/** `parse` turns stored JSON (unknown shape, maybe from an older version) into a valid value. */
export function createLocalStore<T>(key: string, parse: (stored: unknown) => T): LocalStore<T> {
  const listeners = new Set<() => void>();
  let cachedRaw: string | null | undefined;
  let cached: T = parse(undefined);

  function read(): T {
    const raw = storage()?.getItem(key) ?? null;
    if (raw === cachedRaw) return cached;
    cachedRaw = raw;
    let stored: unknown;
    try {
      stored = raw === null ? undefined : JSON.parse(raw);
    } catch {
      stored = undefined;
    }
    cached = parse(stored);
    return cached;
  }

  function notify(): void {
    for (const listener of listeners) listener();
  }

  return {
    get: read,
    set(next) {
      const raw = JSON.stringify(next);
      try {
        storage()?.setItem(key, raw);
        cachedRaw = raw;
      } catch {
        cachedRaw = undefined; // Full or blocked: keep the value in memory only.
      }
      cached = next;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      const onStorage = (event: StorageEvent) => {
        if (event.key === key || event.key === null) listener();
      };
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('storage', onStorage);
      };
    },
  };
}

export function useLocalStore<T>(store: LocalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
