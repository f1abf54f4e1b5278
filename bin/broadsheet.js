#!/usr/bin/env node
// Runs the TypeScript command line through tsx's loader, so there is no separate compile step to
// forget: `npx broadsheet …` always runs the source as it is.
import { register } from 'tsx/esm/api';

register();
await import('../src/ingest/cli.ts');
