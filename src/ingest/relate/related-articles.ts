/**
 * Related articles: for each article, the most similar articles outside its own story, by cosine of
 * the shared TF-IDF vectors (term-vectors.ts), each explained by the shared terms that contribute most.
 * Candidates come from an inverted index over every article's strongest terms, so an article meets only
 * the articles sharing a distinctive word with it; the cosine itself uses the whole (longer) vector.
 */
import { terms } from './terms.ts';
import { buildVectorSpace, dot, strongestTerms, strongTermPostings, type TermVector } from './term-vectors.ts';

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
/** Terms in more articles than this propose no candidates (they still count in the cosine). */
const MAX_POSTING = 5000;
const EXPLAIN_TERMS = 4;

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

function sharedTerms(a: TermVector, b: TermVector, vocabulary: readonly string[]): string[] {
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
    .map(([id]) => vocabulary[id] ?? '');
}

export function relatedArticles(docs: readonly RelatedInput[], k: number): RelatedMatch[][] {
  if (k === 0) return docs.map(() => []);
  const { vectors, vocabulary } = buildVectorSpace(docs, VECTOR_TERMS);
  const postings = strongTermPostings(vectors, CANDIDATE_TERMS);
  const forms = displayForms(docs);
  return vectors.map((v, i) => {
    const candidates = new Set<number>();
    for (const id of strongestTerms(v, CANDIDATE_TERMS)) {
      const list = postings.get(id) ?? [];
      if (list.length > MAX_POSTING) continue;
      for (const j of list) if (j !== i && docs[j]?.storyKey !== docs[i]?.storyKey) candidates.add(j);
    }
    const best = [...candidates]
      .map((j) => [j, dot(v, vectors[j] as TermVector)] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k);
    return best.map(([j, score]) => ({
      index: j,
      score: Math.min(1, Math.round(score * 1000) / 1000),
      terms: sharedTerms(v, vectors[j] as TermVector, vocabulary).map((t) => forms.get(t) ?? t),
    }));
  });
}
