/**
 * The `broadsheet` command line. Output shapes are a contract (evaluations parse them): one JSON
 * object per line on stdout; progress and warnings go to stderr.
 *
 *   broadsheet extract FILE...                 {"file","headline","bodyText","article"} | {"file","error":{"line","message"}}
 *   broadsheet stories DIR                     {"id","files":[...]}   (every input file in exactly one story)
 *   broadsheet related DIR [--k 5]             {"file","related":[{"file","score","terms"}]}
 *   broadsheet build [--articles DIR] [--out DIR] [--site-url URL] [--strict] [--max-bytes N] [--no-cache]
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_BYTES } from './read-inputs.ts';

// Each command imports what it runs when it runs: loading every stage's modules (the extractor's language
// profiles, grouping, the writers) before looking at the command cost each run of the command line a
// second or more, and `extract` on one file is run once per file by scripts.

const USAGE = `usage:
  broadsheet extract FILE...
  broadsheet stories DIR
  broadsheet related DIR [--k N]
  broadsheet build [--articles DIR] [--out DIR] [--site-url URL] [--strict] [--max-bytes N] [--no-cache]`;

class UsageError extends Error {}

function printLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

async function extractCommand(files: readonly string[]): Promise<number> {
  if (files.length === 0) throw new UsageError('extract needs at least one FILE');
  const [{ extractArticleFromBytes }, { bodyText }, { ExtractionError }] = await Promise.all([
    import('./extract/extract-article.ts'),
    import('./extract/body-text.ts'),
    import('./extract/extraction-error.ts'),
  ]);
  let failures = 0;
  for (const file of files) {
    try {
      const article = extractArticleFromBytes(await readFile(file), basename(file));
      printLine({ file, headline: article.headline, bodyText: bodyText(article), article });
    } catch (error) {
      failures++;
      const line = error instanceof ExtractionError ? error.line : 1;
      const message = error instanceof Error ? error.message : String(error);
      printLine({ file, error: { line, message } });
    }
  }
  return failures === files.length ? 1 : 0;
}

async function loadCorpus(dir: string) {
  const [{ readInputs }, { extractInputs }, { formatLeftOut }] = await Promise.all([
    import('./read-inputs.ts'),
    import('./extract-inputs.ts'),
    import('./emit/build-report.ts'),
  ]);
  const { inputs, skipped } = await readInputs(dir);
  const { articles, failed } = await extractInputs(inputs);
  for (const entry of [...skipped, ...failed]) {
    process.stderr.write(`${formatLeftOut(entry)}\n`);
  }
  return { articles, failed };
}

async function storiesCommand(dir: string | undefined): Promise<number> {
  if (dir === undefined) throw new UsageError('stories needs a DIR');
  const { articles, failed } = await loadCorpus(dir);
  const [{ relateCorpusInParallel }, { shortHash }] = await Promise.all([
    import('./relate/relate-corpus.ts'),
    import('./extract/article-id.ts'),
  ]);
  const { stories } = await relateCorpusInParallel(articles, { relatedCount: 0 });
  for (const story of stories) printLine({ id: story.id, files: story.members.map((m) => m.sourceFile) });
  // A file that is not an article is still a story of its own, so every input file is listed once.
  for (const f of failed) printLine({ id: `unreadable-${shortHash(f.file)}`, files: [f.file] });
  return 0;
}

async function relatedCommand(dir: string | undefined, k: number): Promise<number> {
  if (dir === undefined) throw new UsageError('related needs a DIR');
  const { articles, failed } = await loadCorpus(dir);
  const { relateCorpusInParallel } = await import('./relate/relate-corpus.ts');
  const { relatedOf } = await relateCorpusInParallel(articles, { relatedCount: k, onePerStory: false });
  for (const article of articles) {
    const related = (relatedOf.get(article.id) ?? []).map((r) => ({
      file: r.article.sourceFile,
      score: r.score,
      terms: r.terms,
    }));
    printLine({ file: article.sourceFile, related });
  }
  for (const f of failed) printLine({ file: f.file, related: [] });
  return 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      k: { type: 'string', default: '5' },
      articles: { type: 'string', default: 'articles' },
      out: { type: 'string', default: 'dist' },
      strict: { type: 'boolean', default: false },
      'max-bytes': { type: 'string', default: String(DEFAULT_MAX_BYTES) },
      'site-url': { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
    },
  });
  switch (command) {
    case 'extract':
      return extractCommand(positionals);
    case 'stories':
      return storiesCommand(positionals[0]);
    case 'related': {
      const k = Number(values.k);
      if (!Number.isInteger(k) || k < 0) throw new UsageError(`--k must be a whole number, not "${values.k}"`);
      return relatedCommand(positionals[0], k);
    }
    case 'build': {
      const maxBytes = Number(values['max-bytes']);
      if (!Number.isInteger(maxBytes) || maxBytes < 1) {
        throw new UsageError(`--max-bytes must be a whole number of bytes, not "${values['max-bytes']}"`);
      }
      const [{ buildSite }, { terminalProgress }] = await Promise.all([
        import('./build-site.ts'),
        import('./build-progress.ts'),
      ]);
      const { report } = await buildSite({
        articlesDir: values.articles,
        outDir: values.out,
        maxBytes,
        ...(values['site-url'] === undefined ? {} : { siteUrl: values['site-url'] }),
        ...(values['no-cache'] ? { cacheDir: null } : {}),
        progress: terminalProgress(process.stderr),
      });
      return values.strict && report.leftOut > 0 ? 2 : 0;
    }
    default:
      throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
  }
}

// Quietly stop when the reader of stdout goes away (`broadsheet extract … | head`).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`broadsheet: ${error.message}\n${USAGE}\n`);
      process.exitCode = 64;
      return;
    }
    process.stderr.write(`broadsheet: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
