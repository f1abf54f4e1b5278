/**
 * Related articles, v1: TF-IDF (sublinear term frequency, smoothed IDF so a two-article corpus still
 * weighs shared words) over each article's strongest terms, scored by cosine and explained by the
 * shared terms that contribute most. Candidates come from an inverted index over those strongest terms,
 * so each article meets only the articles that share a distinctive word with it.
 */
import { terms } from './terms.ts';

export interface RelatedInput {
  readonly headline: string;
  readonly text: string;
  /** Articles of the same story are never each other's related articles. */
  readonly storyKey: string;
}

export interface RelatedMatch {
  readonly index: number;
  readonly score: number;
  readonly terms: readonly string[];
}

/** How many of an article's highest-weighted terms represent it. */
const TOP_TERMS = 40;
/** A headline word counts as this many body occurrences. */
const HEADLINE_WEIGHT = 3;
const EXPLAIN_TERMS = 4;

interface Vector {
  readonly weights: Map<string, number>;
}

function displayForms(docs: readonly RelatedInput[]): Map<string, string> {
  // The most frequent surface spelling of each term, so explanations read "Rubio", not "rubio".
  const counts = new Map<string, Map<string, number>>();
  for (const doc of docs) {
    for (const m of `${doc.headline} ${doc.text}`.matchAll(/[\p{L}\p{N}]+/gu)) {
      const surface = m[0];
      const key = terms(surface)[0];
      if (key === undefined) continue;
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
      counts.set(key, forms);
    }
  }
  const out = new Map<string, string>();
  for (const [key, forms] of counts) {
    let best = key;
    let bestCount = 0;
    for (const [form, c] of forms) if (c > bestCount) [best, bestCount] = [form, c];
    out.set(key, best);
  }
  return out;
}

export function relatedArticles(docs: readonly RelatedInput[], k: number): RelatedMatch[][] {
  const tfs = docs.map((doc) => {
    const tf = new Map<string, number>();
    for (const t of terms(doc.headline)) tf.set(t, (tf.get(t) ?? 0) + HEADLINE_WEIGHT);
    for (const t of terms(doc.text)) tf.set(t, (tf.get(t) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;

  const vectors: Vector[] = tfs.map((tf) => {
    const scored = [...tf].map(
      ([t, f]) => [t, (1 + Math.log(f)) * (Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1)] as const,
    );
    scored.sort((a, b) => b[1] - a[1]);
    const top = scored.slice(0, TOP_TERMS);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return { weights: new Map(top.map(([t, w]) => [t, w / norm])) };
  });

  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const t of v.weights.keys()) {
      const list = postings.get(t);
      if (list === undefined) postings.set(t, [i]);
      else list.push(i);
    }
  });

  const forms = displayForms(docs);
  return vectors.map((v, i) => {
    const scores = new Map<number, number>();
    for (const [t, w] of v.weights) {
      for (const j of postings.get(t) ?? []) {
        if (j === i || docs[j]?.storyKey === docs[i]?.storyKey) continue;
        scores.set(j, (scores.get(j) ?? 0) + w * (vectors[j]?.weights.get(t) ?? 0));
      }
    }
    const best = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);
    return best.map(([j, score]) => {
      const other = vectors[j]?.weights ?? new Map<string, number>();
      const shared = [...v.weights]
        .filter(([t]) => other.has(t))
        .map(([t, w]) => [t, w * (other.get(t) ?? 0)] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, EXPLAIN_TERMS)
        .map(([t]) => forms.get(t) ?? t);
      return { index: j, score: Math.min(1, Math.round(score * 1000) / 1000), terms: shared };
    });
  });
}
