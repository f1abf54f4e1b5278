/** Display settings: the panel by role, what it stores, and the boot script agreeing with the app. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ReaderControls } from '../../src/app/reader-settings/reader-controls.tsx';
import {
  applyPreferences,
  DEFAULT_PREFERENCES,
  parsePreferences,
  PREFERENCES_KEY,
  type ReaderPreferences,
} from '../../src/app/reader-settings/reader-preferences.ts';

const BOOT_SCRIPT = readFileSync(resolve('public/reader-preferences.js'), 'utf8');

function htmlAttributes(): Record<string, string> {
  const root = document.documentElement;
  return Object.fromEntries(
    root
      .getAttributeNames()
      .filter((n) => n.startsWith('data-'))
      .map((n) => [n, root.getAttribute(n) ?? '']),
  );
}

function clearAttributes(): void {
  for (const name of document.documentElement.getAttributeNames()) {
    if (name.startsWith('data-')) document.documentElement.removeAttribute(name);
  }
}

describe('parsePreferences', () => {
  it('keeps valid settings and replaces unknown or missing ones with defaults', () => {
    expect(parsePreferences({ theme: 'sepia', textSize: 'huge', width: 'wide' })).toEqual({
      ...DEFAULT_PREFERENCES,
      theme: 'sepia',
      width: 'wide',
    });
    expect(parsePreferences('not an object')).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences(undefined)).toEqual(DEFAULT_PREFERENCES);
  });
});

describe('the boot script', () => {
  const cases: ReaderPreferences[] = [
    DEFAULT_PREFERENCES,
    { theme: 'sepia', textSize: 'xl', width: 'narrow', font: 'sans' },
    { theme: 'dark', textSize: 's', width: 'wide', font: 'serif' },
    { theme: 'light', textSize: 'l', width: 'normal', font: 'sans' },
  ];
  it.each(cases)('sets the same attributes as the app for %o', (prefs) => {
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify(prefs));
    clearAttributes();
    // The script is the project's own file, run as the browser would run a classic script.
    new Function(BOOT_SCRIPT)();
    const fromScript = htmlAttributes();
    clearAttributes();
    applyPreferences(prefs);
    expect(fromScript).toEqual(htmlAttributes());
  });

  it('ignores unreadable storage and unknown values', () => {
    localStorage.setItem(PREFERENCES_KEY, '{not json');
    new Function(BOOT_SCRIPT)();
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ theme: 'neon', textSize: 'xl' }));
    new Function(BOOT_SCRIPT)();
    expect(htmlAttributes()).toEqual({ 'data-text-size': 'xl' });
  });
});

describe('the display settings panel', () => {
  it('opens from the Aa button, applies and remembers a choice, and closes on Escape', async () => {
    render(<ReaderControls />);
    const button = screen.getByRole('button', { name: 'Display settings' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('group', { name: 'Display settings' });

    await userEvent.click(within(panel).getByRole('radio', { name: 'Sepia' }));
    await userEvent.click(within(panel).getByRole('radio', { name: 'Large' }));
    await userEvent.click(within(panel).getByRole('radio', { name: 'Sans-serif' }));
    expect(document.documentElement.getAttribute('data-theme')).toBe('sepia');
    expect(document.documentElement.getAttribute('data-text-size')).toBe('l');
    expect(document.documentElement.getAttribute('data-font')).toBe('sans');
    expect(JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? '{}')).toEqual({
      theme: 'sepia',
      textSize: 'l',
      width: 'normal',
      font: 'sans',
    });

    // Back to the default: the attribute goes, so the system's colour scheme rules again.
    await userEvent.click(within(panel).getByRole('radio', { name: 'Auto' }));
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Display settings' })).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('shows the remembered choice as checked', async () => {
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ width: 'wide' }));
    render(<ReaderControls />);
    await userEvent.click(screen.getByRole('button', { name: 'Display settings' }));
    expect((screen.getByRole('radio', { name: 'Wide' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Auto' }) as HTMLInputElement).checked).toBe(true);
  });
});
