/**
 * clipText flattens only a prefix of a long text: its answers must be those of flattening the whole text,
 * whatever whitespace sits around the prefix's end.
 */
import { describe, expect, it } from 'vitest';
import { clipText } from '../../src/ingest/emit/share/html-text.ts';

/** The whole-text version it replaced, kept here as the reference. */
function clipWhole(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let room = flat.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(room)) room = room.slice(0, -1);
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > max * 0.6 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('clipText', () => {
  it('clips a short text, keeps whole words, and marks the cut', () => {
    expect(clipText('  Envoys   met\n\nin Jeddah. ', 40)).toBe('Envoys met in Jeddah.');
    expect(clipText('Envoys met in Jeddah to discuss a ceasefire on Tuesday.', 30)).toBe('Envoys met in Jeddah to…');
  });

  it('gives what flattening the whole text gives, for texts with long runs of whitespace anywhere', () => {
    const next = random(7);
    const pieces = ['word', 'ceasefire', ' ', '\n\n', '      ', '\t', '. ', ',', '😀', 'x'.repeat(30), ' '.repeat(900)];
    for (let round = 0; round < 2000; round++) {
      const count = Math.floor(next() * 120);
      const text = Array.from({ length: count }, () => pieces[Math.floor(next() * pieces.length)] ?? '').join('');
      for (const max of [20, 60, 220])
        expect(clipText(text, max), JSON.stringify([text, max])).toBe(clipWhole(text, max));
    }
  });
});
