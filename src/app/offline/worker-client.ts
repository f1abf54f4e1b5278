/**
 * The page's side of the service worker: registration, the "new version waiting" state, and "save all
 * for offline" progress, kept in a small store that components read with useSyncExternalStore.
 */
import { Workbox } from 'workbox-window';
import type { FromWorker, ToWorker } from '../../shared/worker-messages.ts';

export type SaveState =
  | { readonly state: 'idle' }
  | { readonly state: 'saving'; readonly done: number; readonly total: number }
  | { readonly state: 'done'; readonly saved: number }
  | {
      readonly state: 'failed';
      readonly reason: 'quota' | 'network' | 'no-worker';
      readonly done: number;
      readonly total: number;
    };

export interface WorkerSnapshot {
  /** A new build's worker is installed and waiting for the reader to reload. */
  readonly updateReady: boolean;
  readonly save: SaveState;
}

let snapshot: WorkerSnapshot = { updateReady: false, save: { state: 'idle' } };
const listeners = new Set<() => void>();
let workbox: Workbox | undefined;
let accepted = false;

function update(next: Partial<WorkerSnapshot>): void {
  snapshot = { ...snapshot, ...next };
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSnapshot(): WorkerSnapshot {
  return snapshot;
}

function onWorkerMessage(message: FromWorker): void {
  switch (message.type) {
    case 'SAVE_PROGRESS':
      update({ save: { state: 'saving', done: message.done, total: message.total } });
      break;
    case 'SAVE_DONE':
      update({ save: { state: 'done', saved: message.saved } });
      break;
    case 'SAVE_FAILED':
      update({ save: { state: 'failed', reason: message.reason, done: message.done, total: message.total } });
      break;
  }
}

/** Registers the worker in production builds (the dev server has none). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/service-worker.js');
  wb.addEventListener('waiting', () => update({ updateReady: true }));
  // Reload only when this reader asked for the new version: nothing reloads by itself.
  wb.addEventListener('controlling', () => {
    if (accepted) window.location.reload();
  });
  wb.addEventListener('message', (event) => onWorkerMessage(event.data as FromWorker));
  void wb.register();
  workbox = wb;
}

export function acceptUpdate(): void {
  accepted = true;
  workbox?.messageSkipWaiting();
}

export function saveAllForOffline(): void {
  const controller = navigator.serviceWorker?.controller;
  if (controller === null || controller === undefined) {
    update({ save: { state: 'failed', reason: 'no-worker', done: 0, total: 0 } });
    return;
  }
  void navigator.storage?.persist?.();
  update({ save: { state: 'saving', done: 0, total: 0 } });
  const message: ToWorker = { type: 'SAVE_ALL' };
  controller.postMessage(message);
}
