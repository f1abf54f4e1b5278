/**
 * TF-IDF term vectors shared by grouping and related stories: terms interned to integers, each
 * article's vector cut to its strongest terms, sorted by term id and L2-normalised, so a dot product is
 * a linear merge of two short arrays.
 *
 * Weights: sublinear term frequency (1 + ln tf), headline terms counted HEADLINE_WEIGHT times, and a
 * smoothed IDF (ln((N + 1) / (df + 1)) + 1) that stays positive for words every article shares, so a
 * corpus of two copies of one story still compares them.
 */
import { terms } from './terms.ts';

export interface TermVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

export interface VectorInput {
  readonly headline: string;
  readonly text: string;
}

export interface VectorSpace {
  readonly vectors: readonly TermVector[];
  /** Term text by id, for explanations. */
  readonly vocabulary: readonly string[];
  /** Documents containing each term id. */
  readonly documentFrequency: Int32Array;
}

const HEADLINE_WEIGHT = 3;
/** The lead (first words of the body) says what the story is about: its terms count double. */
const LEAD_WORDS = 60;
export function buildVectorSpace(docs: readonly VectorInput[], maxTerms: number): VectorSpace {
  const idOf = new Map<string, number>();
  const vocabulary: string[] = [];
  const intern = (t: string): number => {
    let id = idOf.get(t);
    if (id === undefined) {
      id = vocabulary.length;
      idOf.set(t, id);
      vocabulary.push(t);
    }
    return id;
  };
  const counts = docs.map((doc) => {
    const tf = new Map<number, number>();
    for (const t of terms(doc.headline)) tf.set(intern(t), (tf.get(intern(t)) ?? 0) + HEADLINE_WEIGHT);
    terms(doc.text).forEach((t, i) => {
      const id = intern(t);
      tf.set(id, (tf.get(id) ?? 0) + (i < LEAD_WORDS ? 2 : 1));
    });
    return tf;
  });
  const df = new Int32Array(vocabulary.length);
  for (const tf of counts) for (const id of tf.keys()) df[id] = (df[id] ?? 0) + 1;
  const n = docs.length;
  const vectors = counts.map((tf) => {
    const scored = [...tf].map(
      ([id, f]) => [id, (1 + Math.log(f)) * (Math.log((n + 1) / ((df[id] ?? 0) + 1)) + 1)] as const,
    );
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = scored.slice(0, maxTerms).sort((a, b) => a[0] - b[0]);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return { ids: Int32Array.from(top, ([id]) => id), weights: Float64Array.from(top, ([, w]) => w / norm) };
  });
  return { vectors, vocabulary, documentFrequency: df };
}

/** Dot product of two sorted sparse vectors (their cosine, as both are normalised). */
export function dot(a: TermVector, b: TermVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) sum += (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** The `count` strongest term ids of a vector, for candidate generation. */
export function strongestTerms(v: TermVector, count: number): number[] {
  return [...v.ids.keys()]
    .sort((a, b) => (v.weights[b] ?? 0) - (v.weights[a] ?? 0))
    .slice(0, count)
    .map((k) => v.ids[k] ?? 0);
}

/** Inverted index: for each term id, the articles that have it among their `count` strongest terms. */
export function strongTermPostings(vectors: readonly TermVector[], count: number): Map<number, number[]> {
  const postings = new Map<number, number[]>();
  vectors.forEach((v, i) => {
    for (const id of strongestTerms(v, count)) {
      const list = postings.get(id);
      if (list === undefined) postings.set(id, [i]);
      else list.push(i);
    }
  });
  return postings;
}
