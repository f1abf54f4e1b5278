/**
 * `broadsheet build`: articles folder → built site. Read, extract, relate, then write the app shell
 * and the data (the shell first, since Vite empties the output folder).
 */
import { resolve } from 'node:path';
import type { Article } from '../shared/article-schema.ts';
import { buildAppShell } from './emit/build-app-shell.ts';
import { formatLeftOut, makeReport, writeReport, type BuildReport } from './emit/build-report.ts';
import { writeHeaders } from './emit/write-headers.ts';
import { writeSiteData } from './emit/write-site-data.ts';
import { extractInputs } from './extract-inputs.ts';
import { readInputs } from './read-inputs.ts';
import { relateCorpus } from './relate/relate-corpus.ts';

export interface BuildOptions {
  readonly articlesDir: string;
  readonly outDir: string;
  /** Skip the Vite build of the app (data only); for tests and benchmarks of the data stages. */
  readonly skipApp?: boolean;
  /** Files larger than this are left out (default DEFAULT_MAX_BYTES). */
  readonly maxBytes?: number;
  readonly log?: (line: string) => void;
}

export interface BuildResult {
  readonly report: BuildReport;
  readonly articles: readonly Article[];
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? ((line: string) => console.error(line));
  const outDir = resolve(options.outDir);
  const builtAt = new Date().toISOString();

  const { inputs, skipped } = await readInputs(options.articlesDir, options.maxBytes);
  const { articles, failed } = extractInputs(inputs);
  const leftOut = [...skipped, ...failed];
  for (const entry of leftOut) log(formatLeftOut(entry));

  const corpus = relateCorpus(articles);
  if (options.skipApp !== true) await buildAppShell(outDir);
  await writeSiteData(outDir, articles, corpus, builtAt);
  await writeHeaders(outDir);
  const report = makeReport(options.articlesDir, builtAt, articles, leftOut);
  await writeReport(outDir, report);
  log(
    `built ${articles.length} article${articles.length === 1 ? '' : 's'} in ${corpus.stories.length} ` +
      `stor${corpus.stories.length === 1 ? 'y' : 'ies'} into ${outDir}` +
      (leftOut.length > 0 ? `; ${leftOut.length} file(s) left out (see report.json)` : ''),
  );
  return { report, articles };
}
