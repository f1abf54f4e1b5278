/**
 * A rebuild that changed a few articles of a large corpus places them in the last build's stories and
 * related lists (relate-state.ts) instead of grouping and relating every article again, which costs
 * seconds per 100k articles however little changed.
 *
 * The update works with the last full build's term weights (its IDF): with them the unchanged articles'
 * vectors, and the similarities between them, stay what they were. A changed or new article is tokenised
 * and weighed alone; it joins the story of its strongest pair whose centroid it matches (the rule the full
 * grouping merges by), or a large story whose centroid it matches well (the straggler rule), or stands
 * alone. A group whose lead copy changed is searched against every other group's lead (exactly, by cosine:
 * a few groups against all of them costs milliseconds), enters the candidate rows it beats, and the groups
 * whose candidates changed are reranked by shared neighbours as the full search does.
 *
 * What it does not do: two stories an added copy bridges are not merged, and a story's related lists are
 * not reranked for changes two steps away (a candidate's candidates). So an updated result can differ a
 * little from a full build's; the drift is bounded: past a share of articles changed since the last full
 * build (UpdateLimits), the build groups and relates in full again, and `--no-cache` always does.
 */
import { DEFAULT_GROUPING, GROUP_VECTOR_TERMS, CENTROID_TERMS, daysApart, knownOr } from './group-stories.ts';
import type { GroupingOptions } from './group-stories.ts';
import { RELATED_VECTOR_TERMS, RELATED_WEIGHTING, toMatches, type RelatedMatch } from './related-articles.ts';
import { EXPLAIN_TERMS, RERANK, rerankEach, sharedTermsOf } from './related-index.ts';
import { PatchedRows, type Vector } from './patched-rows.ts';
import type { RelateState, StateToSave } from './relate-state.ts';
import { smoothedIdf } from './term-vectors.ts';
import { tokeniseCorpus, type TextInput } from './tokenise-corpus.ts';

export interface UpdateLimits {
  /** Smaller corpora are grouped and related in full: it takes under a second or two. */
  readonly minArticles: number;
  /** Articles changed, added or removed in one build for it to update rather than rebuild. */
  readonly maxChanges: number;
  /** Share of the corpus changed since the last full build beyond which the build starts afresh. */
  readonly maxDrift: number;
}

export const DEFAULT_UPDATE_LIMITS: UpdateLimits = { minArticles: 5000, maxChanges: 50, maxDrift: 0.02 };

/** The corpus now, as the update sees it. */
export interface CorpusNow {
  readonly ids: readonly string[];
  readonly keys: readonly string[];
  /** Publication times in ms (NaN: unknown). */
  readonly times: Float64Array;
  readonly texts: readonly TextInput[];
}

/** What changed since the state: the old index of each article that is unchanged (-1 otherwise). */
export interface UpdatePlan {
  readonly oldOf: Int32Array;
  readonly changes: number;
}

/** The plan to update the state, or undefined when the corpus should be grouped and related in full. */
export function planUpdate(
  state: RelateState,
  now: Pick<CorpusNow, 'ids' | 'keys'>,
  relatedCount: number,
  limits: UpdateLimits = DEFAULT_UPDATE_LIMITS,
): UpdatePlan | undefined {
  const n = now.ids.length;
  if (n < limits.minArticles || state.relatedCount !== relatedCount || now.keys.length !== n) return undefined;
  const oldIndex = new Map<string, number>();
  state.articleIds.forEach((id, i) => oldIndex.set(id, i));
  const oldOf = new Int32Array(n).fill(-1);
  let kept = 0;
  let changes = 0;
  for (let i = 0; i < n; i++) {
    const o = oldIndex.get(now.ids[i] ?? '');
    if (o !== undefined && state.articleKeys[o] === now.keys[i]) {
      oldOf[i] = o;
      kept++;
    } else changes++;
    if (changes > limits.maxChanges) return undefined;
  }
  // Removed articles: the old ones no unchanged article took up, less the changed ones among them.
  const changedOld = n - kept - countAdded(now.ids, oldIndex);
  changes += state.articleIds.length - kept - changedOld;
  if (changes > limits.maxChanges || state.drift + changes > limits.maxDrift * n) return undefined;
  return { oldOf, changes };
}

function countAdded(ids: readonly string[], oldIndex: ReadonlyMap<string, number>): number {
  let added = 0;
  for (const id of ids) if (!oldIndex.has(id)) added++;
  return added;
}

/** Row r of compressed rows, as views. */
function normalisedById(entries: { id: number; w: number }[]): Vector {
  let sq = 0;
  for (const e of entries) sq += e.w * e.w;
  const norm = Math.sqrt(sq) || 1;
  const sorted = [...entries].sort((a, b) => a.id - b.id);
  return {
    ids: Int32Array.from(sorted, (e) => e.id),
    weights: Float64Array.from(sorted, (e) => e.w / norm),
  };
}

/** The state's vocabulary, grown by the terms new texts bring. */
class Terms {
  readonly vocabulary: string[];
  readonly displayForms: string[];
  private df: Int32Array;
  private size: number;
  private readonly idOf = new Map<string, number>();

  constructor(state: RelateState) {
    this.vocabulary = [...state.vocabulary];
    this.displayForms = [...state.displayForms];
    this.df = state.documentFrequency;
    this.size = this.vocabulary.length;
    this.vocabulary.forEach((term, id) => this.idOf.set(term, id));
  }

  idFor(term: string, displayForm: string): number {
    let id = this.idOf.get(term);
    if (id === undefined) {
      id = this.size++;
      this.idOf.set(term, id);
      this.vocabulary.push(term);
      this.displayForms.push(displayForm);
      if (id >= this.df.length) {
        const grown = new Int32Array(Math.max(id + 1, this.df.length * 2));
        grown.set(this.df);
        this.df = grown;
      }
      this.df[id] = 0;
    }
    return id;
  }

  documents(id: number): number {
    return this.df[id] ?? 0;
  }

  /** One more article has term `id`. */
  count(id: number): void {
    this.df[id] = (this.df[id] ?? 0) + 1;
  }

  get documentFrequency(): Int32Array {
    return this.df.slice(0, this.size);
  }
}

/** A text's grouping and related vectors under the state's weights. */
interface TextVectors {
  readonly group: Vector;
  readonly related: Vector;
}

/**
 * Texts tokenised and weighed as term-vectors.ts weighs a corpus, with the state's document frequencies
 * and article count; `counted`: whether the state's frequencies already count the text (an unchanged
 * article), else each of its terms counts it once more, from then on (a changed article's old text is not
 * taken off: the frequencies drift up a little until the next full build).
 */
function vectorsOf(texts: readonly TextInput[], counted: boolean, terms: Terms, articles: number): TextVectors[] {
  if (texts.length === 0) return [];
  const tokens = tokeniseCorpus(texts);
  const global = tokens.vocabulary.map((term, local) => terms.idFor(term, tokens.displayForm(local)));
  const { offsets, ids, counts } = tokens.flat;
  return texts.map((_, i) => {
    const entries: { id: number; w: number; df: number }[] = [];
    for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) {
      const id = global[ids[k] ?? 0] ?? 0;
      const df = Math.max(1, terms.documents(id) + (counted ? 0 : 1));
      entries.push({ id, w: (1 + Math.log(counts[k] ?? 1)) * smoothedIdf(articles, df), df });
    }
    // The next texts, and the next build's update, count this one among the articles having its terms.
    if (!counted) for (const e of entries) terms.count(e.id);
    entries.sort((a, b) => b.w - a.w || a.id - b.id);
    const ranked = entries.slice(0, RELATED_VECTOR_TERMS);
    const { idfPower, minDocuments } = RELATED_WEIGHTING;
    return {
      group: normalisedById(ranked.slice(0, GROUP_VECTOR_TERMS)),
      related: normalisedById(
        ranked
          .filter((e) => e.df >= minDocuments)
          .map((e) => ({ id: e.id, w: e.w * smoothedIdf(articles, e.df) ** (idfPower - 1) })),
      ),
    };
  });
}

/** Where the changed and new articles went: groups of article indices, and each group's old number. */
export interface Placement {
  /** Surviving old groups in their old order, then new ones; members ascending. */
  readonly groups: number[][];
  /** Each group's number in the state (-1: new). */
  readonly oldGroup: Int32Array;
}

/** The update's related lists and the state for the next build. */
export interface UpdatedRelations {
  /** Each group's related matches (index: the related group's lead article). */
  readonly ofLeads: RelatedMatch[][];
  /** Per group, 1 where its story or related list may differ from the last build's (see changedGroups). */
  readonly changedGroups: Uint8Array;
  readonly state: StateToSave;
}

/** The update in progress: placement first, then, once the caller knows each group's lead, the lists. */
export class RelationsUpdate {
  private readonly terms: Terms;
  /** Each article's grouping vector: the state's, or made for a changed or new article. */
  private readonly groupVectors: PatchedRows;
  private readonly relatedVectors = new Map<number, Vector>();
  private placement: Placement | undefined;

  constructor(
    private readonly state: RelateState,
    private readonly plan: UpdatePlan,
    private readonly now: CorpusNow,
    private readonly grouping: GroupingOptions = DEFAULT_GROUPING,
  ) {
    this.terms = new Terms(state);
    this.groupVectors = new PatchedRows(state.groupVectors, plan.oldOf);
  }

  /** Tokenises the changed and new articles and places each in a story (see the module's comment). */
  place(): Placement {
    const { oldOf } = this.plan;
    const n = oldOf.length;
    const fresh: number[] = [];
    for (let i = 0; i < n; i++) if ((oldOf[i] ?? -1) < 0) fresh.push(i);
    this.weigh(fresh, false);
    const groupOf = Int32Array.from(oldOf, (o) => (o < 0 ? -1 : (this.state.groupOf[o] ?? -1)));
    let groupCount = this.state.leadIds.length;
    const members = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const g = groupOf[i] ?? -1;
      if (g < 0) continue;
      const list = members.get(g);
      if (list === undefined) members.set(g, [i]);
      else list.push(i);
    }
    const dense = new Float64Array(this.terms.vocabulary.length);
    for (const c of fresh) {
      const v = this.groupVectors.get(c);
      if (v === undefined) throw new Error(`no vector for article ${c}`);
      v.ids.forEach((id, k) => (dense[id] = v.weights[k] ?? 0));
      const joined = this.bestGroup(c, dense, groupOf, members);
      v.ids.forEach((id) => (dense[id] = 0));
      const g = joined ?? groupCount++;
      groupOf[c] = g;
      const list = members.get(g);
      if (list === undefined) members.set(g, [c]);
      else list.push(c);
    }
    const numbers = [...members.keys()].sort((a, b) => a - b);
    const groups = numbers.map((g) => (members.get(g) ?? []).sort((a, b) => a - b));
    const oldGroup = Int32Array.from(numbers, (g) => (g < this.state.leadIds.length ? g : -1));
    this.placement = { groups, oldGroup };
    return this.placement;
  }

  /** Vectors for the articles `which` lists, kept for placement and the related search. */
  private weigh(which: readonly number[], counted: boolean): void {
    const made = vectorsOf(
      which.map((i) => this.text(i)),
      counted,
      this.terms,
      this.state.baseArticles,
    );
    which.forEach((i, k) => {
      const v = made[k];
      if (v === undefined) return;
      if (!counted) this.groupVectors.set(i, v.group);
      this.relatedVectors.set(i, v.related);
    });
  }

  private text(i: number): TextInput {
    const text = this.now.texts[i];
    if (text === undefined) throw new Error(`no text for article ${i}`);
    return text;
  }

  /** The span of known publication times of a group's members. */
  private span(list: readonly number[]): { first: number; last: number } {
    let first = NaN;
    let last = NaN;
    for (const i of list) {
      const t = this.now.times[i] ?? NaN;
      first = knownOr(first, t, Math.min);
      last = knownOr(last, t, Math.max);
    }
    return { first, last };
  }

  /** The summed grouping vectors of a group's members. */
  private centroid(list: readonly number[]): Map<number, number> {
    const sum = new Map<number, number>();
    for (const i of list) {
      const v = this.groupVectors.get(i);
      if (v === undefined) continue;
      v.ids.forEach((id, k) => sum.set(id, (sum.get(id) ?? 0) + (v.weights[k] ?? 0)));
    }
    return sum;
  }

  /**
   * The group article c (its vector spread in `dense`) joins: the group of its strongest pair whose
   * centroid it matches, as the full grouping merges; else the large group whose strongest-terms centroid
   * it matches best, as stragglers attach; undefined to stand alone.
   */
  private bestGroup(
    c: number,
    dense: Float64Array,
    groupOf: Int32Array,
    members: ReadonlyMap<number, number[]>,
  ): number | undefined {
    const { pairThreshold, centroidThreshold, largeGroup, attachThreshold } = this.grouping;
    const time = this.now.times[c] ?? NaN;
    const pairs: { j: number; cosine: number }[] = [];
    // Large groups meet the straggler rule only through a member that shares some weight with c.
    const near = new Set<number>();
    const cosines = this.groupVectors.dotAll(dense);
    for (let j = 0; j < groupOf.length; j++) {
      const g = groupOf[j] ?? -1;
      const cosine = cosines[j] ?? NaN;
      if (g < 0 || Number.isNaN(cosine)) continue;
      if (cosine >= pairThreshold) pairs.push({ j, cosine });
      if (cosine >= pairThreshold / 2) near.add(g);
    }
    pairs.sort((a, b) => b.cosine - a.cosine || a.j - b.j);
    const tried = new Set<number>();
    for (const { j } of pairs) {
      const g = groupOf[j] ?? -1;
      if (tried.has(g)) continue;
      tried.add(g);
      const list = members.get(g) ?? [];
      const { first, last } = this.span(list);
      if (daysApart(first, last, time, time)) continue;
      const sum = this.centroid(list);
      let dot = 0;
      let sq = 0;
      for (const [id, w] of sum) {
        dot += w * (dense[id] ?? 0);
        sq += w * w;
      }
      if (dot / (Math.sqrt(sq) || 1) >= centroidThreshold) return g;
    }
    let best: number | undefined;
    let bestScore = attachThreshold;
    for (const g of [...near].sort((a, b) => a - b)) {
      const list = members.get(g) ?? [];
      if (list.length < largeGroup) continue;
      const { first, last } = this.span(list);
      if (daysApart(first, last, time, time)) continue;
      const top = [...this.centroid(list)].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, CENTROID_TERMS);
      const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
      let score = 0;
      for (const [id, w] of top) score += (w / norm) * (dense[id] ?? 0);
      if (score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Each group's related matches (index: the related group's lead article), given each group's lead as the
   * caller chose it (the fullest copy), and the state for the next build.
   */
  relate(leads: readonly number[], relatedCount: number): UpdatedRelations {
    const placement = this.placement;
    if (placement === undefined) throw new Error('place the articles before relating them');
    const { state, plan, now } = this;
    const { oldGroup } = placement;
    const groups = leads.length;
    const newOfOld = new Int32Array(state.leadIds.length).fill(-1);
    oldGroup.forEach((o, g) => {
      if (o >= 0) newOfOld[o] = g;
    });
    // A group is dirty when its lead's vector is not the state's: a new group, another lead, a changed lead.
    const dirty = new Uint8Array(groups);
    const unweighed: number[] = [];
    leads.forEach((lead, g) => {
      const o = oldGroup[g] ?? -1;
      const same = o >= 0 && now.ids[lead] === state.leadIds[o] && (plan.oldOf[lead] ?? -1) >= 0;
      if (same) return;
      dirty[g] = 1;
      if (!this.relatedVectors.has(lead)) unweighed.push(lead);
    });
    this.weigh(unweighed, true);
    // Each group's lead's vector: the state's row, or the one made for a dirty group's lead.
    const vectors = new PatchedRows(
      state.relatedVectors,
      Int32Array.from(oldGroup, (o, g) => (dirty[g] === 1 ? -1 : o)),
    );
    leads.forEach((lead, g) => {
      if (vectors.has(g)) return;
      const v = this.relatedVectors.get(lead);
      if (v === undefined) throw new Error(`no related vector for group ${g}`);
      vectors.set(g, v);
    });
    const candidates = this.candidateRows(vectors, dirty, newOfOld);
    const rerank = new Set<number>(candidates.changed);
    // Lists naming a group that is gone or changed its lead are made again too.
    const kept = state.related;
    oldGroup.forEach((o, g) => {
      if (o < 0 || dirty[g] === 1) {
        rerank.add(g);
        return;
      }
      for (let s = 0; s < relatedCount; s++) {
        const x = kept.neighbours[o * relatedCount + s] ?? -1;
        if (x < 0) break;
        const to = newOfOld[x] ?? -1;
        if (to < 0 || dirty[to] === 1) rerank.add(g);
      }
    });
    const which = [...rerank].sort((a, b) => a - b);
    const made = rerankEach(
      groups,
      { tables: [candidates.table], rowsPer: Math.max(1, groups) },
      which,
      relatedCount,
      (i, j) => {
        const [a, b] = [vectors.range(i), vectors.range(j)];
        return a === undefined || b === undefined ? [] : sharedTermsOf(a, b);
      },
    );
    const related = {
      neighbours: new Int32Array(groups * relatedCount).fill(-1),
      scores: new Float64Array(groups * relatedCount),
      terms: new Int32Array(groups * relatedCount * EXPLAIN_TERMS).fill(-1),
    };
    oldGroup.forEach((o, g) => {
      if (o < 0 || rerank.has(g)) return;
      for (let s = 0; s < relatedCount; s++) {
        const x = kept.neighbours[o * relatedCount + s] ?? -1;
        if (x < 0) break;
        related.neighbours[g * relatedCount + s] = newOfOld[x] ?? -1;
        related.scores[g * relatedCount + s] = kept.scores[o * relatedCount + s] ?? 0;
        const from = (o * relatedCount + s) * EXPLAIN_TERMS;
        // Copied term by term: a view per slot was 185k objects for the collector at 100k articles.
        const to = (g * relatedCount + s) * EXPLAIN_TERMS;
        for (let t = 0; t < EXPLAIN_TERMS; t++) related.terms[to + t] = kept.terms[from + t] ?? -1;
      }
    });
    which.forEach((g, w) => {
      related.neighbours.set(made.neighbours.subarray(w * relatedCount, (w + 1) * relatedCount), g * relatedCount);
      related.scores.set(made.scores.subarray(w * relatedCount, (w + 1) * relatedCount), g * relatedCount);
      const width = relatedCount * EXPLAIN_TERMS;
      related.terms.set(made.terms.subarray(w * width, (w + 1) * width), g * width);
    });
    const forms = this.terms.displayForms;
    const ofLeads = toMatches(
      [related],
      relatedCount,
      (t) => forms[t] ?? '',
      (g) => leads[g] ?? -1,
    );
    const groupOf = new Int32Array(now.ids.length);
    placement.groups.forEach((list, g) => list.forEach((i) => (groupOf[i] = g)));
    const changedGroups = this.changedGroups(rerank);
    // Saved in pieces: the next state's grouping vectors are the old ones but for the changed articles'.
    const groupVectors = this.groupVectors.toPieces();
    return {
      ofLeads,
      changedGroups,
      state: {
        baseArticles: state.baseArticles,
        drift: state.drift + plan.changes,
        relatedCount,
        articleIds: now.ids,
        articleKeys: now.keys,
        groupOf,
        groupVectors,
        leadIds: leads.map((lead) => now.ids[lead] ?? ''),
        // In pieces too: the 80 MB of related vectors at 100k articles are not joined for the rerank either.
        relatedVectors: vectors.toPieces(),
        candidates: { neighbours: candidates.table.neighbours, cosines: candidates.table.cosines },
        related,
        vocabulary: this.terms.vocabulary,
        displayForms: forms,
        documentFrequency: this.terms.documentFrequency,
      },
    };
  }

  /**
   * Groups whose story or related list may differ from the last build's (1): new groups, groups whose
   * members are not exactly their old group's unchanged articles, and groups whose list was reranked. Every
   * other group's list is the old one copied, naming the same unchanged lead articles (a list naming a
   * group whose lead changed is reranked), so its copies' entries are what the last build wrote.
   */
  private changedGroups(reranked: ReadonlySet<number>): Uint8Array {
    const { groups, oldGroup } = this.placement ?? { groups: [], oldGroup: new Int32Array(0) };
    const oldSize = new Int32Array(this.state.leadIds.length);
    for (const o of this.state.groupOf) if (o >= 0 && o < oldSize.length) oldSize[o] = (oldSize[o] ?? 0) + 1;
    const { oldOf } = this.plan;
    return Uint8Array.from(groups, (members, g) => {
      const o = oldGroup[g] ?? -1;
      if (o < 0 || reranked.has(g) || members.length !== oldSize[o]) return 1;
      // Unchanged members were placed in their old group: all unchanged and as many as before, they are it.
      return members.every((i) => (oldOf[i] ?? -1) >= 0) ? 0 : 1;
    });
  }

  /**
   * Candidate rows in the new numbering. Each dirty group's row is found by cosine against every group. In
   * the other rows, a gone group is dropped and a dirty group's cosine is brought up to date; a dirty group
   * enters the rows of the groups in its own row that it beats. (The full search proposes candidates through
   * capped posting lists, so a row does not hold every group whose cosine beats its last: entering every row
   * a changed article beats would make an update change thousands of lists a full build would leave.)
   */
  private candidateRows(
    vectors: PatchedRows,
    dirty: Uint8Array,
    newOfOld: Int32Array,
  ): { table: { neighbours: Int32Array; cosines: Float64Array }; changed: number[] } {
    const { oldGroup } = this.placement ?? { oldGroup: new Int32Array(0) };
    const groups = dirty.length;
    const neighbours = new Int32Array(groups * RERANK).fill(-1);
    const cosines = new Float64Array(groups * RERANK);
    const changed = new Set<number>();
    // Each dirty group's cosine with every group.
    const cosineOf = new Map<number, Float64Array>();
    const dense = new Float64Array(this.terms.vocabulary.length);
    for (let d = 0; d < groups; d++) {
      if (dirty[d] !== 1) continue;
      const own = vectors.get(d);
      if (own === undefined) throw new Error(`no related vector for group ${d}`);
      own.ids.forEach((id, k) => (dense[id] = own.weights[k] ?? 0));
      const cosine = vectors.dotAll(dense);
      cosine[d] = 0;
      own.ids.forEach((id) => (dense[id] = 0));
      cosineOf.set(d, cosine);
      const order: number[] = [];
      for (let g = 0; g < groups; g++) if ((cosine[g] ?? 0) > 0) order.push(g);
      order.sort((a, b) => (cosine[b] ?? 0) - (cosine[a] ?? 0) || a - b);
      order.slice(0, RERANK).forEach((g, s) => {
        neighbours[d * RERANK + s] = g;
        cosines[d * RERANK + s] = cosine[g] ?? 0;
      });
      changed.add(d);
    }
    const old = this.state.candidates;
    // A plain loop over every group's RERANK slots (3.7M at 100k articles), the arrays read once.
    const [oldNeighbours, oldCosines] = [old.neighbours, old.cosines];
    for (let g = 0; g < groups; g++) {
      const o = oldGroup[g] ?? -1;
      if (o < 0 || dirty[g] === 1) continue;
      let put = 0;
      let stale = false;
      for (let s = 0; s < RERANK; s++) {
        const x = oldNeighbours[o * RERANK + s] ?? -1;
        if (x < 0) break;
        const to = newOfOld[x] ?? -1;
        if (to < 0) {
          changed.add(g);
          continue;
        }
        // Only a dirty group has fresh cosines.
        const fresh = dirty[to] === 1 ? cosineOf.get(to) : undefined;
        neighbours[g * RERANK + put] = to;
        cosines[g * RERANK + put++] = fresh === undefined ? (oldCosines[o * RERANK + s] ?? 0) : (fresh[g] ?? 0);
        if (fresh !== undefined) stale = true;
      }
      if (stale) {
        sortRow(neighbours, cosines, g);
        changed.add(g);
      }
    }
    for (const [d, cosine] of cosineOf) {
      for (let s = 0; s < RERANK; s++) {
        const g = neighbours[d * RERANK + s] ?? -1;
        if (g < 0) break;
        if (dirty[g] === 1 || rowHolds(neighbours, g, d)) continue;
        if (enterRow(neighbours, cosines, g, d, cosine[g] ?? 0)) changed.add(g);
      }
    }
    return { table: { neighbours, cosines }, changed: [...changed] };
  }
}

function rowHolds(neighbours: Int32Array, g: number, d: number): boolean {
  for (let s = 0; s < RERANK; s++) {
    const x = neighbours[g * RERANK + s] ?? -1;
    if (x < 0) return false;
    if (x === d) return true;
  }
  return false;
}

/** Sorts row g best first (ties by lower index): an insertion sort, as only a few entries moved. */
function sortRow(neighbours: Int32Array, cosines: Float64Array, g: number): void {
  const base = g * RERANK;
  for (let k = 1; k < RERANK; k++) {
    const x = neighbours[base + k] ?? -1;
    if (x < 0) break;
    const score = cosines[base + k] ?? 0;
    let at = k;
    for (; at > 0; at--) {
      const prev = cosines[base + at - 1] ?? 0;
      const px = neighbours[base + at - 1] ?? 0;
      if (prev > score || (prev === score && px < x)) break;
      neighbours[base + at] = px;
      cosines[base + at] = prev;
    }
    neighbours[base + at] = x;
    cosines[base + at] = score;
  }
}

/** Enters d with `score` in row g (best first, ties by lower index) if it beats the row's last; whether it did. */
function enterRow(neighbours: Int32Array, cosines: Float64Array, g: number, d: number, score: number): boolean {
  const base = g * RERANK;
  let at = RERANK;
  while (at > 0) {
    const x = neighbours[base + at - 1] ?? -1;
    const s = cosines[base + at - 1] ?? 0;
    if (x >= 0 && (s > score || (s === score && x < d))) break;
    at--;
  }
  if (at >= RERANK) return false;
  neighbours.copyWithin(base + at + 1, base + at, base + RERANK - 1);
  cosines.copyWithin(base + at + 1, base + at, base + RERANK - 1);
  neighbours[base + at] = d;
  cosines[base + at] = score;
  return true;
}
