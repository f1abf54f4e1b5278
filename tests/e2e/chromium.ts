/** Debian's Chromium through playwright-core: the only browser this project's machines can have. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** Screenshots for people to look at; the folder is git-ignored. */
export const SCREENSHOT_DIR = new URL('./screenshots/', import.meta.url);

/**
 * Waits until the app runs the story list, not just until rows are on screen: the home page's HTML
 * already holds the first page of rows, and keyboard shortcuts, saving and client-side links start only
 * when the app has taken over (its header's search box is the sign).
 */
export async function storyListReady(page: Page): Promise<void> {
  await page.locator('.story-row').first().waitFor();
  await page.getByRole('searchbox', { name: 'Search stories' }).waitFor();
}
