/**
 * Same-story grouping, v1: copies of one wire story share long runs of wording even after each outlet
 * edits them ("January 20" → "Jan. 20", a paragraph cut). Two articles join one story when a large
 * share of the smaller one's 4-term shingles also occur in the other (containment), and stories are the
 * connected components of that relation.
 *
 * Cost is near-linear: an inverted index from shingle to articles means only articles that share a
 * shingle are ever compared, and shingles found in very many articles (boilerplate, stock phrases) are
 * skipped since they say nothing about the event.
 */
import { terms } from './terms.ts';
import { UnionFind } from './union-find.ts';

export interface GroupingInput {
  readonly headline: string;
  readonly text: string;
}

const SHINGLE_TERMS = 4;
/** Share of the smaller article's shingles found in the other: above this, they are one story. */
const MIN_CONTAINMENT = 0.3;
/** A shingle in more articles than this is a stock phrase, not evidence. */
const MAX_POSTING = 50;

function shingles(doc: GroupingInput): Set<string> {
  const seq = terms(`${doc.headline}\n${doc.text}`);
  const out = new Set<string>();
  if (seq.length < SHINGLE_TERMS) {
    if (seq.length > 0) out.add(seq.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE_TERMS <= seq.length; i++) out.add(seq.slice(i, i + SHINGLE_TERMS).join(' '));
  return out;
}

/** Groups of input indices, one per story; every index is in exactly one group. */
export function groupStories(docs: readonly GroupingInput[]): number[][] {
  const sets = docs.map(shingles);
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const list = postings.get(s);
      if (list === undefined) postings.set(s, [i]);
      else list.push(i);
    }
  });

  const shared = new Map<number, number>();
  const n = docs.length;
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_POSTING) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const key = (list[a] ?? 0) * n + (list[b] ?? 0);
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }

  const sets_ = new UnionFind(n);
  for (const [key, count] of shared) {
    const i = Math.floor(key / n);
    const j = key % n;
    const smaller = Math.min(sets[i]?.size ?? 0, sets[j]?.size ?? 0);
    if (smaller > 0 && count / smaller >= MIN_CONTAINMENT) sets_.union(i, j);
  }
  return sets_.groups();
}
