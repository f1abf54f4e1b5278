/**
 * Body-text scoring exactly as the article-extraction-benchmark's evaluate.py does it: tokens are `\w+`
 * runs (Unicode letters, digits, underscore; case kept), shingles are 4 consecutive tokens counted as a
 * multiset, and tp/fp/fn are normalised per page to sum to 1. A text of 1-3 tokens is one shingle; an
 * empty text has none.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

export function shingleCounts(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  if (tokens.length < SHINGLE) {
    counts.set(tokens.join(' '), 1);
    return counts;
  }
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    const key = tokens.slice(i, i + SHINGLE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  /** null when the prediction has no shingles (left out of the precision mean). */
  readonly precision: number | null;
  /** null when the truth has no shingles (left out of the recall mean). */
  readonly recall: number | null;
}

export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingleCounts(truth);
  const p = shingleCounts(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  if (sum > 0) {
    tp /= sum;
    fp /= sum;
    fn /= sum;
  }
  return {
    precision: p.size === 0 ? null : tp + fp > 0 ? tp / (tp + fp) : 0,
    recall: t.size === 0 ? null : tp + fn > 0 ? tp / (tp + fn) : 0,
  };
}

export function mean(values: readonly (number | null)[]): number {
  const kept = values.filter((v): v is number => v !== null);
  return kept.length === 0 ? 0 : kept.reduce((a, b) => a + b, 0) / kept.length;
}

export function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
