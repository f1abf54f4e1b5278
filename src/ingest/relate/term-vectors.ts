/**
 * TF-IDF term vectors shared by grouping and related stories: terms interned to integers, each
 * article's vector cut to its strongest terms, sorted by term id and L2-normalised, so a dot product is
 * a linear merge of two short arrays.
 *
 * Weights: sublinear term frequency (1 + ln tf), headline terms counted HEADLINE_WEIGHT times, and a
 * smoothed IDF (ln((N + 1) / (df + 1)) + 1) that stays positive for words every article shares, so a
 * corpus of two copies of one story still compares them.
 */
import { contentTerm, WORD_PATTERN } from './terms.ts';

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

/**
 * Every article's terms as integer ids, made once and shared by grouping and related stories (each used
 * to tokenise the whole corpus again). Ids are given in order of first appearance, headline before body.
 */
export interface TokenisedCorpus {
  readonly headlines: readonly Int32Array[];
  readonly bodies: readonly Int32Array[];
  /** Term text by id. */
  readonly vocabulary: readonly string[];
  /** The spelling of a term most often seen in the text ("Rubio", not "rubio"), for explanations. */
  displayForm(id: number): string;
}

interface Surface {
  /** Term id, or -1 for a word that is not a content term (stopword, number, one letter). */
  readonly id: number;
  count: number;
}

export function tokeniseCorpus(docs: readonly VectorInput[]): TokenisedCorpus {
  const idOf = new Map<string, number>();
  const vocabulary: string[] = [];
  // Each distinct spelling is folded and looked up once; after that a word costs one map lookup.
  const surfaces = new Map<string, Surface>();
  const ids: number[] = [];
  const tokenise = (text: string): Int32Array => {
    ids.length = 0;
    for (const match of text.matchAll(WORD_PATTERN)) {
      const word = match[0];
      let surface = surfaces.get(word);
      if (surface === undefined) {
        const term = contentTerm(word);
        let id = -1;
        if (term !== null) {
          id = idOf.get(term) ?? -1;
          if (id === -1) {
            id = vocabulary.length;
            idOf.set(term, id);
            vocabulary.push(term);
          }
        }
        surface = { id, count: 0 };
        surfaces.set(word, surface);
      }
      surface.count++;
      if (surface.id >= 0) ids.push(surface.id);
    }
    return Int32Array.from(ids);
  };
  const headlines: Int32Array[] = [];
  const bodies: Int32Array[] = [];
  for (const doc of docs) {
    headlines.push(tokenise(doc.headline));
    bodies.push(tokenise(doc.text));
  }
  let forms: string[] | undefined;
  return {
    headlines,
    bodies,
    vocabulary,
    displayForm(id) {
      if (forms === undefined) {
        // The most frequent spelling wins; on a tie, the first seen. "Jet's" counts as "Jet".
        const tallies = new Map<string, { id: number; count: number }>();
        for (const [word, { id: termId, count }] of surfaces) {
          if (termId < 0) continue;
          const form = word.replace(/['’]s$/u, '');
          const tally = tallies.get(form);
          if (tally === undefined) tallies.set(form, { id: termId, count });
          else tally.count += count;
        }
        const best = new Int32Array(vocabulary.length);
        forms = [...vocabulary];
        for (const [form, { id: termId, count }] of tallies) {
          if (count <= (best[termId] ?? 0)) continue;
          best[termId] = count;
          forms[termId] = form;
        }
      }
      return forms[id] ?? vocabulary[id] ?? '';
    },
  };
}

export function buildVectorSpace(corpus: TokenisedCorpus, maxTerms: number): VectorSpace {
  const { vocabulary } = corpus;
  const counts = corpus.headlines.map((headline, d) => {
    const tf = new Map<number, number>();
    for (const id of headline) tf.set(id, (tf.get(id) ?? 0) + HEADLINE_WEIGHT);
    (corpus.bodies[d] ?? new Int32Array()).forEach((id, i) => {
      tf.set(id, (tf.get(id) ?? 0) + (i < LEAD_WORDS ? 2 : 1));
    });
    return tf;
  });
  const df = new Int32Array(vocabulary.length);
  for (const tf of counts) for (const id of tf.keys()) df[id] = (df[id] ?? 0) + 1;
  const n = counts.length;
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
