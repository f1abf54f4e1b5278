#!/usr/bin/env node
// Runs the TypeScript command line through tsx's loader, so there is no separate compile step to
// forget: `npx broadsheet …` always runs the source as it is.
import { relaunchWithHugePages } from './huge-page-malloc.js';

// A build runs in a process of its own whose malloc uses huge pages (see huge-page-malloc.js).
if (process.argv[2] === 'build') {
  const ended = relaunchWithHugePages();
  if (ended !== null) {
    if ('signal' in ended) process.kill(process.pid, ended.signal);
    process.exit('status' in ended ? ended.status : 1);
  }
}
const { register } = await import('tsx/esm/api');
register();
await import('../src/ingest/cli.ts');
