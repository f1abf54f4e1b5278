/** Messages between the page and the service worker (both sides import these types). */

export type ToWorker = { readonly type: 'SKIP_WAITING' } | { readonly type: 'SAVE_ALL' };

export type FromWorker =
  | { readonly type: 'SAVE_PROGRESS'; readonly done: number; readonly total: number }
  | { readonly type: 'SAVE_DONE'; readonly saved: number; readonly total: number }
  | {
      readonly type: 'SAVE_FAILED';
      readonly reason: 'quota' | 'network';
      readonly done: number;
      readonly total: number;
    };
