/**
 * One timed build in a fresh process (so peak memory is this build's alone); prints its stage timings as
 * JSON on the last line of stdout. Used by run-bench.ts.
 *   node bin/compiled-source.js scripts/bench/build-once.ts ARTICLES OUT [--no-images] [--cache DIR]
 * Without --cache nothing is reused or kept (a clean build, as `broadsheet build --no-cache`).
 */
import { parseArgs } from 'node:util';
import { buildSite } from '../../src/ingest/build-site.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'no-images': { type: 'boolean', default: false }, cache: { type: 'string' } },
});
const [articlesDir, outDir] = positionals;
if (articlesDir === undefined || outDir === undefined) throw new Error('usage: build-once.ts ARTICLES OUT');
const start = performance.now();
const result = await buildSite({
  articlesDir,
  outDir,
  siteUrl: 'https://bench.example.org',
  cacheDir: values.cache ?? null,
  previewImages: !values['no-images'],
  log: () => {},
});
const end = performance.now();
process.stdout.write(
  `${JSON.stringify({
    ms: end - start,
    // From the process's start, as a person running `broadsheet build` waits: Node starting, the source
    // compiled if it changed and the build's modules loaded, which `ms` leaves out.
    commandMs: end,
    peakRssMiB: (process.resourceUsage().maxRSS * 1024) / (1024 * 1024),
    built: result.report.built,
    leftOut: result.report.leftOut,
    stages: result.stages,
  })}\n`,
);
