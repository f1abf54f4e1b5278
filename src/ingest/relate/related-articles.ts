/**
 * Related articles: for each article, the most similar articles outside its own story, by cosine of
 * the shared TF-IDF vectors (term-vectors.ts), each explained by the shared terms that contribute most.
 * Candidates come from an inverted index over every article's strongest terms, so an article meets only
 * the articles sharing a distinctive word with it; the cosine itself uses the whole (longer) vector.
 */
import {
  buildVectorSpace,
  strongestPositions,
  tokeniseCorpus,
  topByScore,
  type TermVector,
  type TokenisedCorpus,
} from './term-vectors.ts';

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

/** Long vectors: topic similarity needs the whole vocabulary of an article, not only its top words. */
const VECTOR_TERMS = 200;
const CANDIDATE_TERMS = 40;
/**
 * Each term's posting list keeps only the articles where the term weighs most (impact order), so one
 * article's candidate search costs at most CANDIDATE_TERMS × MAX_POSTING steps whatever the corpus size.
 */
const MAX_POSTING = 300;
/** Candidates ranked by the partial score over strong terms; only these get the exact cosine. */
const RERANK = 100;
const EXPLAIN_TERMS = 4;

interface Posting {
  readonly docs: Int32Array;
  readonly weights: Float64Array;
}

/** For each term, the articles that have it among their strongest terms, heaviest first, truncated. */
function impactPostings(vectors: readonly TermVector[], strongest: readonly number[][]): Map<number, Posting> {
  const lists = new Map<number, [number, number][]>();
  vectors.forEach((v, doc) => {
    for (const k of strongest[doc] ?? []) {
      const id = v.ids[k] ?? 0;
      const entry: [number, number] = [doc, v.weights[k] ?? 0];
      const list = lists.get(id);
      if (list === undefined) lists.set(id, [entry]);
      else list.push(entry);
    }
  });
  const postings = new Map<number, Posting>();
  for (const [id, list] of lists) {
    const kept =
      list.length > MAX_POSTING ? list.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_POSTING) : list;
    postings.set(id, { docs: Int32Array.from(kept, ([d]) => d), weights: Float64Array.from(kept, ([, w]) => w) });
  }
  return postings;
}

/** Dot product of a dense vector with a sparse one. */
function denseDot(dense: Float64Array, v: TermVector): number {
  let sum = 0;
  for (let t = 0; t < v.ids.length; t++) sum += (dense[v.ids[t] ?? 0] ?? 0) * (v.weights[t] ?? 0);
  return sum;
}

function sharedTerms(a: TermVector, b: TermVector, corpus: TokenisedCorpus): string[] {
  const shared: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) shared.push([x, (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0)]);
    else if (x < y) i++;
    else j++;
  }
  return shared
    .sort((p, q) => q[1] - p[1])
    .slice(0, EXPLAIN_TERMS)
    .map(([id]) => corpus.displayForm(id));
}

export function relatedArticles(
  docs: readonly RelatedInput[],
  k: number,
  corpus: TokenisedCorpus = tokeniseCorpus(docs),
): RelatedMatch[][] {
  if (k === 0) return docs.map(() => []);
  const { vectors } = buildVectorSpace(corpus, VECTOR_TERMS);
  const strongest = vectors.map((v) => strongestPositions(v, CANDIDATE_TERMS));
  const postings = impactPostings(vectors, strongest);
  // The current article's weights spread over the whole vocabulary, so a candidate's cosine is one pass
  // over the candidate's terms rather than a merge of two lists.
  const dense = new Float64Array(corpus.vocabulary.length);
  // Partial scores accumulate in one array reused for every article; `touched` lists what to reset.
  const partial = new Float64Array(vectors.length);
  const touched: number[] = [];
  // Story keys as small integers: compared once per touched article, strings cost more.
  const storyNumbers = new Map<string, number>();
  const storyOf = Int32Array.from(docs, (doc) => {
    const known = storyNumbers.get(doc.storyKey);
    if (known !== undefined) return known;
    storyNumbers.set(doc.storyKey, storyNumbers.size);
    return storyNumbers.size - 1;
  });
  return vectors.map((v, i) => {
    for (const k of strongest[i] ?? []) {
      const posting = postings.get(v.ids[k] ?? 0);
      if (posting === undefined) continue;
      const w = v.weights[k] ?? 0;
      for (let p = 0; p < posting.docs.length; p++) {
        const j = posting.docs[p] ?? 0;
        if (partial[j] === 0) touched.push(j);
        partial[j] = (partial[j] ?? 0) + w * (posting.weights[p] ?? 0);
      }
    }
    const story = storyOf[i];
    const candidates = topByScore(touched, partial, RERANK, (j) => storyOf[j] !== story);
    for (const j of touched) partial[j] = 0;
    touched.length = 0;
    for (let t = 0; t < v.ids.length; t++) dense[v.ids[t] ?? 0] = v.weights[t] ?? 0;
    const best = candidates
      .map((j) => [j, denseDot(dense, vectors[j] as TermVector)] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k);
    for (let t = 0; t < v.ids.length; t++) dense[v.ids[t] ?? 0] = 0;
    return best.map(([j, score]) => ({
      index: j,
      score: Math.min(1, Math.round(score * 1000) / 1000),
      terms: sharedTerms(v, vectors[j] as TermVector, corpus),
    }));
  });
}
