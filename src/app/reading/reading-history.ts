/**
 * What this reader has read and saved, on this device only (no account): read marks for the story list
 * and a "Saved" list. Both live in localStorage, so they survive a reload and work offline.
 */
import { createLocalStore, useLocalStore } from './local-store.ts';

/** Oldest read marks are forgotten past this many, to keep storage small. */
const MAX_READ = 5000;

function parseIds(stored: unknown): readonly string[] {
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}

export const readStore = createLocalStore('broadsheet:read', parseIds);

export function markRead(id: string): void {
  const read = readStore.get();
  if (read.at(-1) === id) return;
  readStore.set([...read.filter((r) => r !== id), id].slice(-MAX_READ));
}

export function useReadIds(): ReadonlySet<string> {
  const read = useLocalStore(readStore);
  return idSet(read);
}

const setCache = new WeakMap<readonly string[], ReadonlySet<string>>();
function idSet(ids: readonly string[]): ReadonlySet<string> {
  let set = setCache.get(ids);
  if (set === undefined) {
    set = new Set(ids);
    setCache.set(ids, set);
  }
  return set;
}

/** A saved article, with what the Saved list shows, so the list needs no network. */
export interface SavedArticle {
  readonly id: string;
  readonly headline: string;
  readonly outlet: string | null;
  readonly standfirst: string | null;
  /** ISO time it was saved. */
  readonly savedAt: string;
}

function parseSaved(stored: unknown): readonly SavedArticle[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (s): s is SavedArticle =>
      typeof s === 'object' &&
      s !== null &&
      typeof (s as SavedArticle).id === 'string' &&
      typeof (s as SavedArticle).headline === 'string' &&
      typeof (s as SavedArticle).savedAt === 'string',
  );
}

export const savedStore = createLocalStore('broadsheet:saved', parseSaved);

export function useSavedArticles(): readonly SavedArticle[] {
  return useLocalStore(savedStore);
}

export function isSaved(saved: readonly SavedArticle[], id: string): boolean {
  return saved.some((s) => s.id === id);
}

/** Newest saved first. */
export function save(article: Omit<SavedArticle, 'savedAt'>, now = new Date()): void {
  const rest = savedStore.get().filter((s) => s.id !== article.id);
  savedStore.set([{ ...article, savedAt: now.toISOString() }, ...rest]);
}

export function unsave(id: string): void {
  savedStore.set(savedStore.get().filter((s) => s.id !== id));
}
