/**
 * Lighthouse's mobile run (its default: a mid-range phone, simulated slow 4G and a 4× slower CPU) on a
 * built site's story list and on one article, with Debian's Chromium. Scores are 0–100.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from '../../../tests/e2e/chromium.ts';
import { serveSite } from './serve-site.ts';

export interface LighthouseScores {
  readonly page: string;
  readonly performance: number;
  readonly accessibility: number;
  readonly bestPractices: number;
  readonly seo: number;
  /** Largest contentful paint and total blocking time under the simulated phone, in ms. */
  readonly lcpMs: number;
  readonly tbtMs: number;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

export async function runLighthouse(siteDir: string, paths: readonly string[]): Promise<LighthouseScores[]> {
  const site = await serveSite(siteDir);
  const chrome = await launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const scores: LighthouseScores[] = [];
    for (const path of paths) {
      const result = await lighthouse(`${site.url}${path}`, {
        port: chrome.port,
        onlyCategories: CATEGORIES,
        logLevel: 'error',
        output: 'json',
      });
      if (result === undefined) throw new Error(`Lighthouse gave no result for ${path}`);
      const { categories, audits } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      scores.push({
        page: path,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
        tbtMs: audits['total-blocking-time']?.numericValue ?? Number.NaN,
      });
    }
    return scores;
  } finally {
    chrome.kill();
    await site.close();
  }
}
