#!/usr/bin/env node
// Runs the TypeScript command line as it is: compiled ahead whenever the source has changed, so there is no
// separate compile step to forget (compiled-source.js), or through tsx's loader when it cannot be compiled.
import { runCompiled } from './compiled-source.js';
import { relaunchWithHugePages } from './huge-page-malloc.js';

// A build runs in a process of its own whose malloc uses huge pages (see huge-page-malloc.js).
if (process.argv[2] === 'build') {
  const ended = relaunchWithHugePages();
  if (ended !== null) {
    if ('signal' in ended) process.kill(process.pid, ended.signal);
    process.exit('status' in ended ? ended.status : 1);
  }
}
await runCompiled('src/ingest/cli.ts');
