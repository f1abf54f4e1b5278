/**
 * The reader's display settings: theme, text size, line width and typeface. Remembered in localStorage
 * and applied as `data-*` attributes on <html>, which the style sheet reads. `public/reader-preferences.js`
 * applies the same attributes before the first paint, so a remembered theme never flashes the default;
 * tests/app/reader-preferences.test.ts checks the two agree.
 */
import { createLocalStore, useLocalStore } from '../reading/local-store.ts';

export const PREFERENCES_KEY = 'broadsheet:reader-preferences';

export const THEMES = ['auto', 'light', 'dark', 'sepia'] as const;
export const TEXT_SIZES = ['s', 'm', 'l', 'xl'] as const;
export const WIDTHS = ['narrow', 'normal', 'wide'] as const;
export const FONTS = ['serif', 'sans'] as const;

export interface ReaderPreferences {
  readonly theme: (typeof THEMES)[number];
  readonly textSize: (typeof TEXT_SIZES)[number];
  readonly width: (typeof WIDTHS)[number];
  readonly font: (typeof FONTS)[number];
}

export const DEFAULT_PREFERENCES: ReaderPreferences = { theme: 'auto', textSize: 'm', width: 'normal', font: 'serif' };

function pick<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

export function parsePreferences(stored: unknown): ReaderPreferences {
  const s = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    theme: pick(THEMES, s['theme'], DEFAULT_PREFERENCES.theme),
    textSize: pick(TEXT_SIZES, s['textSize'], DEFAULT_PREFERENCES.textSize),
    width: pick(WIDTHS, s['width'], DEFAULT_PREFERENCES.width),
    font: pick(FONTS, s['font'], DEFAULT_PREFERENCES.font),
  };
}

/** The attribute each setting sets on <html>; a default setting removes it. */
export const PREFERENCE_ATTRIBUTES = {
  theme: 'data-theme',
  textSize: 'data-text-size',
  width: 'data-width',
  font: 'data-font',
} as const satisfies Record<keyof ReaderPreferences, string>;

export function applyPreferences(prefs: ReaderPreferences, root: HTMLElement = document.documentElement): void {
  for (const key of Object.keys(PREFERENCE_ATTRIBUTES) as (keyof ReaderPreferences)[]) {
    const attribute = PREFERENCE_ATTRIBUTES[key];
    if (prefs[key] === DEFAULT_PREFERENCES[key]) root.removeAttribute(attribute);
    else root.setAttribute(attribute, prefs[key]);
  }
}

export const preferencesStore = createLocalStore(PREFERENCES_KEY, parsePreferences);

export function useReaderPreferences(): ReaderPreferences {
  return useLocalStore(preferencesStore);
}

export function updatePreferences(change: Partial<ReaderPreferences>): void {
  const next = { ...preferencesStore.get(), ...change };
  preferencesStore.set(next);
  applyPreferences(next);
}
