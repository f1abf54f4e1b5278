/** Extraction on worker threads gives exactly what extraction on this thread gives, failures included. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractInputs, extractInputsInParallel } from '../../src/ingest/extract-inputs.ts';
import type { InputFile } from '../../src/ingest/read-inputs.ts';

const GOLDEN = join('tests', 'golden');

function inputs(): InputFile[] {
  const pages = readdirSync(GOLDEN, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ file: `${d.name}.txt`, bytes: readFileSync(join(GOLDEN, d.name, 'input.txt')) }));
  const first = pages[0];
  if (first === undefined) throw new Error('no golden cases');
  return [
    ...pages,
    // The same page under another name is another article (ids hash the file name).
    { file: `copy-of-${first.file}`, bytes: first.bytes },
    { file: 'empty.txt', bytes: new Uint8Array() },
  ];
}

describe('extractInputsInParallel', () => {
  it('matches extraction on one thread, in order, with the same failures', async () => {
    const expected = await extractInputs(inputs());
    expect(expected.failed.map((f) => f.file)).toEqual(['empty.txt']);
    const steps: number[] = [];
    const parallel = await extractInputsInParallel(inputs(), {
      threads: 2,
      minForWorkers: 1,
      onStep: (done) => steps.push(done),
    });
    expect(parallel).toEqual(expected);
    expect(steps.at(-1)).toBe(inputs().length);
  });
});
