/**
 * Lighthouse's mobile run (its default: a mid-range phone, simulated slow 4G and a 4× slower CPU) on a
 * built site's story list and on one article, with Debian's Chromium. Scores are 0–100.
 *
 * Each page is audited RUNS times and the run Lighthouse's own computeMedianRun picks (the one nearest the
 * median first paint and time to interactive) is reported, with every run's performance score beside it, as
 * Lighthouse's variability guide advises. One run on this 2-core VM scored the same story list 84 to 99; the
 * first run in a fresh browser was the lowest in most sets of four (session 23's scratch runs).
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
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
  /** The performance score of every run, in the order run (the fields above are the median run's). */
  readonly performanceRuns: readonly number[];
}

const RUNS = 3;

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
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await lighthouse(`${site.url}${path}`, {
          port: chrome.port,
          onlyCategories: CATEGORIES,
          logLevel: 'error',
          output: 'json',
        });
        if (result === undefined) throw new Error(`Lighthouse gave no result for ${path}`);
        runs.push(result.lhr);
      }
      const { categories, audits } = computeMedianRun(runs);
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      scores.push({
        performanceRuns: runs.map((lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100)),
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
