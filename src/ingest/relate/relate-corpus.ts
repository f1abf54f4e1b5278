/**
 * From extracted articles to what the site shows: stories (grouped copies) and, for each article,
 * its story and its related articles. Plain data in, plain data out; emitting is elsewhere.
 */
import { availableParallelism } from 'node:os';
import type { Article, ArticleRef, RelatedArticle, StorySummary } from '../../shared/article-schema.ts';
import { bodyText } from '../extract/body-text.ts';
import type { StageClock } from '../stage-clock.ts';
import { DEFAULT_GROUPING, groupFromTokens, groupInParallel, publicationTimes } from './group-stories.ts';
import {
  relatedArticlesInParallel,
  relatedFromTokens,
  type RelatedMatch,
  type RelatedParts,
} from './related-articles.ts';
import { MIN_FOR_RELATE_WORKERS, startRelateWorkers } from './relate-worker-pool.ts';
import { vectorRows, type RelateState, type RelateStateStore } from './relate-state.ts';
import type { VectorSpace } from './term-vectors.ts';
import {
  tokeniseCorpus,
  tokeniseInParallel,
  type ChunkCache,
  type TextInput,
  type TokenisedCorpus,
} from './tokenise-corpus.ts';
import { DEFAULT_UPDATE_LIMITS, planUpdate, RelationsUpdate, type UpdateLimits } from './update-relations.ts';

export const DEFAULT_RELATED_COUNT = 5;

export interface RelatedCorpus {
  /** Newest first. */
  readonly stories: StorySummary[];
  readonly storyOf: ReadonlyMap<string, StorySummary>;
  readonly relatedOf: ReadonlyMap<string, RelatedArticle[]>;
  /**
   * When the stories and lists were updated from the last build's relate state: that state's token
   * (relate-state.ts) and the articles whose story or related list may differ from that build's, or which
   * changed themselves. Every other article's story and list are the ones that build had.
   */
  readonly sinceState?: { readonly token: string; readonly changed: ReadonlySet<string> };
}

export function articleRef(article: Article): ArticleRef {
  return {
    id: article.id,
    headline: article.headline,
    outlet: article.outlet,
    sourceFile: article.sourceFile,
    published: article.published,
  };
}

/** Compares ISO dates as strings (they sort chronologically); unknown dates sort last. */
function compareDatesDesc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

/** The fullest copy of a story (most words; ties by file name): the one a reader would pick. */
function fullerFirst(a: Article, b: Article): number {
  return b.wordCount - a.wordCount || (a.sourceFile < b.sourceFile ? -1 : 1);
}

/** Each article's reference, made once: a story's member list and the related lists that name it share it. */
function refsOf(articles: readonly Article[]): (i: number) => ArticleRef | undefined {
  const refs: (ArticleRef | undefined)[] = new Array<ArticleRef | undefined>(articles.length).fill(undefined);
  return (i) => {
    let ref = refs[i];
    if (ref === undefined) {
      const article = articles[i];
      if (article === undefined) return undefined;
      ref = refs[i] = articleRef(article);
    }
    return ref;
  };
}

/** A story from its members' indices: `refOf` gives each member's reference. */
function summarise(
  articles: readonly Article[],
  group: readonly number[],
  refOf: (i: number) => ArticleRef | undefined,
): StorySummary {
  const members = group.flatMap((i) => {
    const article = articles[i];
    return article === undefined ? [] : [{ article, i }];
  });
  // The anchor (first source file by name) gives the id, so a story keeps its id as copies come and go.
  const byFile = [...members].sort((a, b) => (a.article.sourceFile < b.article.sourceFile ? -1 : 1));
  const anchor = byFile[0]?.article;
  if (anchor === undefined) throw new Error('a story needs at least one member');
  // The fullest copy gives the headline and standfirst.
  const fullest = [...members].sort((a, b) => fullerFirst(a.article, b.article))[0]?.article ?? anchor;
  const dates = members
    .map((m) => m.article.published)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    id: anchor.id,
    headline: fullest.headline,
    standfirst: fullest.standfirst ?? members.find((m) => m.article.standfirst !== null)?.article.standfirst ?? null,
    members: [...members]
      .sort(
        (a, b) =>
          compareDatesDesc(a.article.published, b.article.published) || b.article.wordCount - a.article.wordCount,
      )
      .map((m) => refOf(m.i) ?? articleRef(m.article)),
    memberCount: members.length,
    earliest: dates[0] ?? null,
    latest: dates[dates.length - 1] ?? null,
    readingMinutes: fullest.readingMinutes,
  };
}

interface Grouped {
  /** Each article's story id: copies of one story are never each other's related articles. */
  readonly storyKeys: string[];
  readonly stories: StorySummary[];
  readonly storyOf: Map<string, StorySummary>;
  /** Index of each group's fullest copy (its lead), and each article's group. */
  readonly leads: number[];
  readonly groupOf: Int32Array;
  /** Each article's reference (by index), shared by its story's members and the lists that name it. */
  readonly refOf: (i: number) => ArticleRef | undefined;
}

/**
 * Each article's headline and body text, the text made when it is read: the tokeniser reads a chunk at a
 * time as it sends it to a worker, so the corpus's body texts (hundreds of MB at 100k articles) are
 * never all made at once, and making them overlaps the workers' tokenising.
 */
function textsOf(articles: readonly Article[]): TextInput[] {
  return articles.map((a) => ({
    headline: a.headline,
    get text() {
      return bodyText(a);
    },
  }));
}

/** Stories from the groups of article indices. */
function summariseGroups(articles: readonly Article[], groups: number[][]): Grouped {
  const refOf = refsOf(articles);
  const stories = groups.map((g) => summarise(articles, g, refOf));
  stories.sort((a, b) => compareDatesDesc(a.latest, b.latest) || (a.id < b.id ? -1 : 1));
  const storyOf = new Map<string, StorySummary>();
  for (const story of stories) for (const m of story.members) storyOf.set(m.id, story);
  const storyKeys = articles.map((a, i) => storyOf.get(a.id)?.id ?? String(i));
  const groupOf = new Int32Array(articles.length);
  const leads = groups.map((group, g) => {
    let lead = group[0] ?? 0;
    for (const i of group) {
      groupOf[i] = g;
      const [article, best] = [articles[i], articles[lead]];
      if (article !== undefined && best !== undefined && fullerFirst(article, best) < 0) lead = i;
    }
    return lead;
  });
  return { storyKeys, stories, storyOf, leads, groupOf, refOf };
}

/**
 * A reader's related stories are a story's, whichever copy is open: they are found once per story, for
 * its lead copy among the other stories' leads (a corpus of N articles in S stories is searched S times,
 * over S), and each copy gets its story's list.
 */
function spreadToCopies(grouped: Grouped, ofLeads: readonly RelatedMatch[][]): RelatedMatch[][] {
  return Array.from(grouped.groupOf, (g) => ofLeads[g] ?? []);
}

function withRelated(articles: readonly Article[], grouped: Grouped, matches: RelatedMatch[][]): RelatedCorpus {
  const relatedOf = new Map<string, RelatedArticle[]>();
  // Copies of a story share one list of matches, and so one list of related articles.
  const made = new Map<readonly RelatedMatch[], RelatedArticle[]>();
  articles.forEach((article, i) => {
    const list = matches[i] ?? [];
    let related = made.get(list);
    if (related === undefined) {
      related = list.flatMap((m) => {
        const other = grouped.refOf(m.index);
        return other === undefined ? [] : [{ article: other, score: m.score, terms: [...m.terms] }];
      });
      made.set(list, related);
    }
    relatedOf.set(article.id, related);
  });
  return { stories: grouped.stories, storyOf: grouped.storyOf, relatedOf };
}

export interface RelateOptions {
  /** Related articles per article (default DEFAULT_RELATED_COUNT; 0 for stories only). */
  readonly relatedCount?: number;
  readonly clock?: StageClock;
  /**
   * Related stories, as a reader's list wants (default true): found once per story for its lead copy, each
   * listed once by its lead copy, every copy of a story given the same list. False: related articles, each
   * found for itself, copies of one other story included (the command line's `related`).
   */
  readonly onePerStory?: boolean;
  /** Tokenised chunks kept between builds (token-cache.ts), with each article's extraction key. */
  readonly tokenCache?: ChunkCache;
  /**
   * The last build's stories and lists (relate-state.ts), with each article's extraction key: a rebuild
   * that changed a few articles of a large corpus updates them (update-relations.ts). Related stories only.
   */
  readonly state?: StateCache;
  /**
   * Told the stories as soon as the corpus is grouped, before related stories are searched (a full
   * build's; the update of a rebuild tells no one): what needs only the stories can start then.
   */
  readonly onGrouped?: (stories: readonly StorySummary[]) => void;
}

export interface StateCache {
  readonly store: RelateStateStore;
  readonly keys: readonly string[];
  readonly limits?: UpdateLimits;
}

/** On this thread: for small corpora and tests. */
export function relateCorpus(
  articles: readonly Article[],
  { relatedCount = DEFAULT_RELATED_COUNT, clock, onePerStory = true }: RelateOptions = {},
): RelatedCorpus {
  const time = <T>(stage: string, work: () => T): T => (clock === undefined ? work() : clock.timeSync(stage, work));
  const tokens = time('tokenise', () => tokeniseCorpus(textsOf(articles)));
  const grouped = summariseGroups(
    articles,
    time('group', () => groupFromTokens(tokens, DEFAULT_GROUPING, publicationTimes(articles.map((a) => a.published)))),
  );
  const matches = time('relate', () => {
    if (!onePerStory) return relatedFromTokens(grouped.storyKeys, relatedCount, tokens);
    return spreadToCopies(grouped, relatedFromTokens(grouped.storyKeys, relatedCount, tokens, grouped.leads));
  });
  return withRelated(articles, grouped, matches);
}

/**
 * The same result as relateCorpus; a large corpus is tokenised, grouped and related on worker threads,
 * one pool of them started at the outset and kept for every stage.
 */
export async function relateCorpusInParallel(
  articles: readonly Article[],
  { relatedCount = DEFAULT_RELATED_COUNT, clock, onePerStory = true, tokenCache, state, onGrouped }: RelateOptions = {},
): Promise<RelatedCorpus> {
  const time = <T>(stage: string, work: () => Promise<T>): Promise<T> =>
    clock === undefined ? work() : clock.time(stage, work);
  const timeSync = <T>(stage: string, work: () => T): T => (clock === undefined ? work() : clock.timeSync(stage, work));
  // Below the update's smallest corpus a state would never be read: none is loaded or made.
  const minArticles = (state?.limits ?? DEFAULT_UPDATE_LIMITS).minArticles;
  const kept = onePerStory && relatedCount > 0 && articles.length >= minArticles ? state : undefined;
  if (kept !== undefined) {
    const update = await time('relate state', () => startUpdate(articles, kept, relatedCount));
    if (update !== undefined) {
      const grouped = summariseGroups(
        articles,
        timeSync('group', () => update.place().groups),
      );
      return timeSync('relate', () => {
        const { ofLeads, changedGroups, state: next } = update.relate(grouped.leads, relatedCount);
        kept.store.save(next);
        const related = withRelated(articles, grouped, spreadToCopies(grouped, ofLeads));
        const token = kept.store.loadedToken;
        if (token === undefined) return related;
        const changed = new Set<string>();
        articles.forEach((article, i) => {
          if (changedGroups[grouped.groupOf[i] ?? -1] !== 0) changed.add(article.id);
        });
        return { ...related, sinceState: { token, changed } };
      });
    }
  }
  const threads = availableParallelism();
  const pool = threads > 1 && articles.length >= MIN_FOR_RELATE_WORKERS ? startRelateWorkers(threads) : undefined;
  const workers = pool === undefined ? {} : { pool };
  try {
    const tokens = await time('tokenise', () =>
      tokeniseInParallel(textsOf(articles), tokenCache === undefined ? workers : { ...workers, cache: tokenCache }),
    );
    const times = publicationTimes(articles.map((a) => a.published));
    let space: VectorSpace | undefined;
    let parts: RelatedParts | undefined;
    const onSpace = kept === undefined ? {} : { onSpace: (made: VectorSpace) => (space = made) };
    const grouped = summariseGroups(
      articles,
      await time('group', () => groupInParallel(tokens, DEFAULT_GROUPING, { ...workers, ...onSpace }, times)),
    );
    onGrouped?.(grouped.stories);
    const onStep = clock?.step;
    const matches = await time('relate', async () => {
      const options = onStep === undefined ? workers : { ...workers, onStep };
      if (!onePerStory) return relatedArticlesInParallel(grouped.storyKeys, relatedCount, tokens, options);
      const ofLeads = await relatedArticlesInParallel(grouped.storyKeys, relatedCount, tokens, {
        ...options,
        among: grouped.leads,
        ...(kept === undefined ? {} : { onParts: (made: RelatedParts) => (parts = made) }),
      });
      return spreadToCopies(grouped, ofLeads);
    });
    if (kept !== undefined && space !== undefined && parts !== undefined) {
      const [made, found] = [space, parts];
      timeSync('relate state saved', () =>
        kept.store.save(stateOfFullBuild(articles, kept.keys, tokens, grouped, made, found, relatedCount)),
      );
    }
    return withRelated(articles, grouped, matches);
  } finally {
    await pool?.close();
  }
}

/** The update of the last build's state, when there is one and few enough articles changed since. */
async function startUpdate(
  articles: readonly Article[],
  { store, keys, limits }: StateCache,
  relatedCount: number,
): Promise<RelationsUpdate | undefined> {
  const last = await store.load();
  if (last === undefined) return undefined;
  const ids = articles.map((a) => a.id);
  const plan = planUpdate(last, { ids, keys }, relatedCount, limits);
  if (plan === undefined) return undefined;
  const now = { ids, keys, times: publicationTimes(articles.map((a) => a.published)), texts: textsOf(articles) };
  return new RelationsUpdate(last, plan, now);
}

/** The state a full build leaves for the next one to update (relate-state.ts). */
function stateOfFullBuild(
  articles: readonly Article[],
  keys: readonly string[],
  tokens: TokenisedCorpus,
  grouped: Grouped,
  space: VectorSpace,
  parts: RelatedParts,
  relatedCount: number,
): RelateState {
  const { tables } = parts.rows;
  return {
    baseArticles: articles.length,
    drift: 0,
    relatedCount,
    articleIds: articles.map((a) => a.id),
    articleKeys: keys,
    groupOf: grouped.groupOf,
    groupVectors: vectorRows(space.vectors),
    leadIds: grouped.leads.map((lead) => articles[lead]?.id ?? ''),
    relatedVectors: vectorRows(parts.vectors),
    candidates: {
      neighbours: joined(
        Int32Array,
        tables.map((t) => t.neighbours),
      ),
      cosines: joined(
        Float64Array,
        tables.map((t) => t.cosines),
      ),
    },
    related: {
      neighbours: joined(
        Int32Array,
        parts.results.map((r) => r.neighbours),
      ),
      scores: joined(
        Float64Array,
        parts.results.map((r) => r.scores),
      ),
      terms: joined(
        Int32Array,
        parts.results.map((r) => r.terms),
      ),
    },
    vocabulary: tokens.vocabulary,
    displayForms: tokens.vocabulary.map((_, t) => tokens.displayForm(t)),
    documentFrequency: space.documentFrequency,
  };
}

/** The arrays one after another in one array. */
function joined<T extends Int32Array | Float64Array>(Kind: new (length: number) => T, arrays: readonly T[]): T {
  const all = new Kind(arrays.reduce((sum, a) => sum + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    all.set(a, at);
    at += a.length;
  }
  return all;
}
