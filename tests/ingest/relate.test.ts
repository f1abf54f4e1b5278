import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../src/ingest/extract/body-text.ts';
import { extractArticleFromBytes } from '../../src/ingest/extract/extract-article.ts';
import {
  DEFAULT_GROUPING,
  groupFromTokens,
  groupInParallel,
  groupStories,
  strongestFirst,
} from '../../src/ingest/relate/group-stories.ts';
import {
  relatedArticles,
  relatedArticlesInParallel,
  RELATED_WEIGHTING,
} from '../../src/ingest/relate/related-articles.ts';
import { relateCorpus, relateCorpusInParallel } from '../../src/ingest/relate/relate-corpus.ts';
import { buildRelatedIndex, candidateRange, rerankRange } from '../../src/ingest/relate/related-index.ts';
import { startRelateWorkers } from '../../src/ingest/relate/relate-worker-pool.ts';
import { buildVectorSpace, rankTermsInParallel } from '../../src/ingest/relate/term-vectors.ts';
import { tokeniseCorpus, tokeniseInParallel } from '../../src/ingest/relate/tokenise-corpus.ts';
import { terms } from '../../src/ingest/relate/terms.ts';
import { UnionFind } from '../../src/ingest/relate/union-find.ts';
import { StageClock } from '../../src/ingest/stage-clock.ts';

const wire =
  'The United States agreed on Tuesday to resume military aid and intelligence sharing with Ukraine after Kyiv said ' +
  'it was ready to support a proposal for a thirty day ceasefire with Russia, the countries said in a joint statement. ' +
  'After more than eight hours of talks with Ukrainian officials in Jeddah, the secretary of state said the offer ' +
  'would now go to Russia and the ball was in Moscow’s court.';
const rewrite =
  wire.replace('on Tuesday', 'this week').replace('eight hours', '8 hours') + ' Markets rose on the news.';
const football =
  'The home side scored twice in the second half to win the cup final, the captain lifting the trophy in front of ' +
  'a sold out stadium after a season of injuries and a late change of manager.';
const football2 =
  'A late change of manager and a season of injuries did not stop the club reaching the cup final, where the ' +
  'captain scored the winner in the second half in front of a sold out stadium.';

describe('terms', () => {
  it('folds case and accents and drops stopwords and numbers', () => {
    expect(terms('The Zelenskyy said KYIV’s 30 drones in Kyïv')).toEqual(['zelenskyy', 'kyiv', 'drones', 'kyiv']);
  });
});

describe('union-find', () => {
  it('groups connected members', () => {
    const sets = new UnionFind(5);
    sets.union(0, 3);
    sets.union(3, 4);
    expect(sets.groups()).toEqual([[0, 3, 4], [1], [2]]);
  });
});

describe('same-story grouping', () => {
  it('puts two outlets’ edits of one wire story in one story and a different event in another', () => {
    const groups = groupStories([
      { headline: 'US to resume aid to Ukraine', text: wire },
      { headline: 'Cup final won by home side', text: football },
      { headline: 'US resumes security support after Kyiv accepts ceasefire', text: rewrite },
    ]);
    expect(groups).toEqual([[0, 2], [1]]);
  });

  it('keeps the two bundled copies together inside a corpus of other stories', () => {
    const seeds = ['000_35ecf8471d5c1db4.txt', '001_ce27524887c080ba.txt'].map((name) =>
      extractArticleFromBytes(readFileSync(new URL(`../../articles/${name}`, import.meta.url)), name),
    );
    const strike =
      'Trains will run as normal on Monday after union leaders called off a planned strike following fourteen ' +
      'hours of talks with the operators, who offered a pay rise over two years and limits on weekend shifts.';
    const others = [football, football2, strike];
    const docs = [
      ...others.map((text, i) => ({ headline: `Other story ${i}`, text })),
      ...seeds.map((a) => ({ headline: a.headline, text: bodyText(a) })),
    ];
    const groups = groupStories(docs);
    expect(groups).toContainEqual([others.length, others.length + 1]);
  });

  it('keeps two events of one topic apart, each told by three outlets', () => {
    // Made-up words, so the test depends on the rule and not on a stopword list: every copy uses the
    // topic's words; each event's copies also share the event's own words; each copy has a few of its own.
    const words = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => `${prefix}${String.fromCharCode(97 + (i % 26))}${'qz'[i >> 5] ?? ''}`);
    const topic = words('camp', 36);
    const copy = (event: string, outlet: number) => {
      const own = words(`${event}own${'abc'[outlet] ?? ''}`, 2);
      const eventWords = words(event, 4);
      return {
        headline: `${eventWords[0] ?? ''} ${own[0] ?? ''}`,
        text: [...[...eventWords, ...own].flatMap((w) => [w, w]), ...topic].join(' '),
      };
    };
    const docs = ['rally', 'debate'].flatMap((event) => [0, 1, 2].map((outlet) => copy(event, outlet)));
    expect(groupStories(docs)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    // Without the cohesion check the topic's words alone join them.
    expect(groupStories(docs, { ...DEFAULT_GROUPING, cohesion: 0 })).toEqual([[0, 1, 2, 3, 4, 5]]);
  });

  it('keeps copies published weeks apart in two stories, and joins undated copies', () => {
    const copy = (published: string | null) => ({ headline: 'US to resume aid to Ukraine', text: wire, published });
    expect(groupStories([copy('2025-03-11T09:00:00Z'), copy('2025-03-12T18:00:00Z')])).toEqual([[0, 1]]);
    expect(groupStories([copy('2025-03-11T09:00:00Z'), copy('2025-04-20T09:00:00Z')])).toEqual([[0], [1]]);
    expect(groupStories([copy('2025-03-11T09:00:00Z'), copy(null), copy('2025-03-13T09:00:00Z')])).toEqual([[0, 1, 2]]);
    // A straggler dated weeks later does not join a large story either.
    const story = [0, 1, 2, 3].map((day) => copy(`2025-03-1${day}T09:00:00Z`));
    const late = { headline: 'Aid to Ukraine resumes', text: rewrite, published: '2025-05-01T09:00:00Z' };
    expect(groupStories([...story, late])).toEqual([[0, 1, 2, 3], [4]]);
  });

  it('keeps every input in exactly one group, headline-only inputs included', () => {
    const groups = groupStories([
      { headline: 'Central bank holds rates', text: '' },
      { headline: 'Storm warning for the coast', text: '' },
    ]);
    expect(groups.flat().sort()).toEqual([0, 1]);
  });
});

describe('candidate pairs', () => {
  it('merges ranges’ sorted lists strongest first, ties by a then b, each pair once', () => {
    const list = (pairs: [number, number, number][]) => ({
      a: Int32Array.from(pairs, (p) => p[0]),
      b: Int32Array.from(pairs, (p) => p[1]),
      sim: Float64Array.from(pairs, (p) => p[2]),
    });
    const merged = strongestFirst([
      list([
        [0, 5, 0.9],
        [0, 3, 0.5],
        [1, 2, 0.5],
      ]),
      list([]),
      list([
        [0, 5, 0.9],
        [0, 2, 0.5],
        [2, 4, 0.2],
      ]),
      list([[1, 2, 0.5]]),
    ]);
    expect(Array.from(merged.a, (a, k) => [a, merged.b[k], merged.sim[k]])).toEqual([
      [0, 5, 0.9],
      [0, 2, 0.5],
      [0, 3, 0.5],
      [1, 2, 0.5],
      [2, 4, 0.2],
    ]);
  });
});

describe('grouping on worker threads', () => {
  it('gives the same groups as on one thread, with pairs found in ranges', async () => {
    const texts = [wire, rewrite, football, football2].flatMap((t, i) =>
      Array.from({ length: 9 }, (_, k) => ({ headline: `Story ${i} copy ${k}`, text: t.slice(k * 5) })),
    );
    const corpus = tokeniseCorpus(texts);
    const parallel = await groupInParallel(corpus, DEFAULT_GROUPING, { threads: 2, minForWorkers: 1, range: 5 });
    expect(parallel).toEqual(groupFromTokens(corpus));
    expect(parallel.length).toBeLessThan(texts.length);
  });
});

describe('related stories of the site', () => {
  const article = (file: string, headline: string, text: string) =>
    extractArticleFromBytes(new TextEncoder().encode(`${headline}\n\n${text}\n`), file);
  const articles = [
    article('aid-1.txt', 'US to resume aid to Ukraine', wire),
    article('aid-2.txt', 'US resumes security support after Kyiv accepts ceasefire', rewrite),
    article('cup-1.txt', 'Cup final won by home side', football),
    article(
      'grain.txt',
      'First grain ship leaves Odesa',
      'Ukraine shipped its first grain cargo from Odesa in months on Friday, after Russia and Ukraine agreed in ' +
        'talks in Istanbul to let ships pass, the United Nations said, and insurers said more would follow.',
    ),
    article(
      'strike.txt',
      'Rail strike called off',
      'Trains will run as normal on Monday after union leaders called off a planned strike following fourteen ' +
        'hours of talks with the operators, who offered a pay rise over two years and limits on weekend shifts.',
    ),
    article('cup-2.txt', 'Captain scores cup final winner', football2),
  ];
  const { storyOf, relatedOf } = relateCorpus(articles, { relatedCount: 3 });
  const storyIdOf = (id: string) => storyOf.get(id)?.id;
  const relatedIds = (file: string) => {
    const id = articles.find((a) => a.sourceFile === file)?.id ?? '';
    return (relatedOf.get(id) ?? []).map((r) => r.article.id);
  };

  it('tells its stories as soon as they are grouped, before the related search, as the result has them', async () => {
    const told: (readonly unknown[])[] = [];
    const clock = new StageClock();
    let stagesThen: string[] = [];
    const corpus = await relateCorpusInParallel(articles, {
      relatedCount: 3,
      clock,
      onGrouped: (stories) => {
        told.push(stories);
        stagesThen = clock.timings.map((t) => t.stage);
      },
    });
    expect(told).toHaveLength(1);
    expect(told[0]).toBe(corpus.stories);
    expect(stagesThen).toEqual(['tokenise', 'group']);
    expect(corpus.stories.map((s) => s.id)).toEqual(
      relateCorpus(articles, { relatedCount: 3 }).stories.map((s) => s.id),
    );
  });

  it('gives every copy of a story the same list, naming each other story once by its fullest copy', () => {
    const [aid1, aid2] = articles;
    expect(storyIdOf(aid1?.id ?? '')).toBe(storyIdOf(aid2?.id ?? ''));
    expect(relatedIds('aid-1.txt')).toEqual(relatedIds('aid-2.txt'));
    expect(relatedIds('aid-1.txt')).toContain(articles[3]?.id);
    // The rewrite is the longer copy: the one a reader is sent to.
    expect(relatedIds('grain.txt')).toContain(aid2?.id);
    expect(relatedIds('grain.txt')).not.toContain(aid1?.id);
    for (const article of articles) {
      const stories = relatedIds(article.sourceFile).map(storyIdOf);
      expect(new Set(stories).size).toBe(stories.length);
      expect(stories).not.toContain(storyIdOf(article.id));
    }
  });
});

describe('related articles', () => {
  const docs = [
    { headline: 'Cup final won by home side', text: football, storyKey: 'a' },
    { headline: 'US to resume aid to Ukraine', text: wire, storyKey: 'b' },
    { headline: 'Captain scores cup final winner', text: football2, storyKey: 'c' },
    { headline: 'US resumes aid', text: rewrite, storyKey: 'b' },
  ];
  const related = relatedArticles(docs, 2);

  it('ranks the article on the same subject first, with the shared terms that explain it', () => {
    expect(related[0]?.[0]?.index).toBe(2);
    expect(related[0]?.[0]?.terms).toEqual(expect.arrayContaining(['cup', 'final']));
    expect(related[0]?.[0]?.score).toBeGreaterThan(related[0]?.[1]?.score ?? 0);
  });

  it('never lists a copy of the same story as related', () => {
    expect(related[1]?.map((r) => r.index)).not.toContain(3);
    expect(related[3]?.map((r) => r.index)).not.toContain(1);
  });

  it('lists every copy of another story when asked for related articles', () => {
    const withQuery = [
      ...docs,
      {
        headline: 'Ukraine asks for more military aid',
        text: 'Kyiv asked for more military aid and intelligence sharing as ceasefire talks with Russia stalled.',
        storyKey: 'd',
      },
    ];
    const copiesOfB = relatedArticles(withQuery, 3)[4]?.filter((r) => r.index === 1 || r.index === 3);
    expect(copiesOfB).toHaveLength(2);
  });

  it('gives the same answer on worker threads, split into ranges, as on one thread', async () => {
    const sentences = [wire, rewrite, football, football2].flatMap((t) => t.split(/(?<=[.,]) /u));
    // Forty small articles recombined from the texts' clauses, in ten stories, so ranges cut stories apart.
    const many = Array.from({ length: 40 }, (_, i) => ({
      headline: sentences[i % sentences.length] ?? '',
      text: [0, 3, 7].map((d) => sentences[(i * 5 + d) % sentences.length]).join(' '),
      storyKey: String(i % 10),
    }));
    const parallel = await relatedArticlesInParallel(
      many.map((d) => d.storyKey),
      3,
      tokeniseCorpus(many),
      {
        threads: 2,
        minForWorkers: 1,
        range: 7,
      },
    );
    expect(parallel).toEqual(relatedArticles(many, 3));
    expect(parallel.flat().length).toBeGreaterThan(40);
  });

  it('ranks terms on worker threads, in ranges, as on one thread', async () => {
    const texts = [wire, rewrite, football, football2].flatMap((t, i) =>
      Array.from({ length: 5 }, (_, k) => ({ headline: `Story ${i} part ${k}`, text: t.slice(k * 11) })),
    );
    const here = tokeniseCorpus(texts);
    const there = tokeniseCorpus(texts);
    const pool = startRelateWorkers(2);
    try {
      await rankTermsInParallel(there, pool, 3);
    } finally {
      await pool.close();
    }
    expect(buildVectorSpace(there, 200).vectors).toEqual(buildVectorSpace(here, 200).vectors);
    expect(buildVectorSpace(there, 40, RELATED_WEIGHTING).vectors).toEqual(
      buildVectorSpace(here, 40, RELATED_WEIGHTING).vectors,
    );
  });

  it('runs every stage on one pool of workers with the same results as on this thread', async () => {
    const sentences = [wire, rewrite, football, football2].flatMap((t) => t.split(/(?<=[.,]) /u));
    const many = Array.from({ length: 30 }, (_, i) => ({
      headline: sentences[i % sentences.length] ?? '',
      text: [0, 2, 5].map((d) => sentences[(i * 3 + d) % sentences.length]).join(' '),
    }));
    const pool = startRelateWorkers(2);
    try {
      const options = { threads: 2, minForWorkers: 1, pool };
      const tokens = await tokeniseInParallel(many, { ...options, chunk: 7 });
      const groups = await groupInParallel(tokens, DEFAULT_GROUPING, { ...options, range: 4 });
      expect(groups).toEqual(groupStories(many));
      const keys = new Array<string>(many.length);
      groups.forEach((g, k) => g.forEach((i) => (keys[i] = String(k))));
      const related = await relatedArticlesInParallel(keys, 3, tokens, { ...options, range: 6 });
      expect(related).toEqual(
        relatedArticles(
          many.map((d, i) => ({ ...d, storyKey: keys[i] ?? '' })),
          3,
        ),
      );
    } finally {
      await pool.close();
    }
  });

  it('tokenises in chunks on worker threads to the same ids, vocabulary and display forms', async () => {
    const texts = [wire, rewrite, football, football2, 'Rubio met RUBIO’s team; rubio spoke.'].flatMap((t, i) =>
      Array.from({ length: 6 }, (_, k) => ({ headline: `Story ${i} part ${k}`, text: t.slice(k * 7) })),
    );
    const whole = tokeniseCorpus(texts);
    const chunked = await tokeniseInParallel(texts, { threads: 2, minForWorkers: 1, chunk: 4 });
    expect(chunked.vocabulary).toEqual(whole.vocabulary);
    expect(chunked.articles).toBe(texts.length);
    expect(chunked.flat).toEqual(whole.flat);
    const forms = (c: typeof whole) => c.vocabulary.map((_, id) => c.displayForm(id));
    expect(forms(chunked)).toEqual(forms(whole));
    expect(forms(whole)).toEqual(expect.arrayContaining(['United', 'Jeddah']));
  });

  it('ranks an article on the same subject above one that shares a single rare name', () => {
    // Made-up words: two subjects of 150 articles each (more than an article's neighbourhood), every article using some of its subject's words.
    // The first article and one of the other subject share a rare name, used often in both.
    const vocabulary = (prefix: string) =>
      Array.from({ length: 40 }, (_, i) => `${prefix}${String.fromCharCode(97 + (i % 26))}${i >> 4}`);
    const subjects = [vocabulary('sport'), vocabulary('money')];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const texts = subjects.flatMap((words) =>
      Array.from({ length: 150 }, () => words.filter(() => random() < 0.3).join(' ')),
    );
    texts[0] = `${texts[0] ?? ''} ${'zorblat '.repeat(20)}`;
    texts[165] = `${texts[165] ?? ''} ${'zorblat '.repeat(20)}`;
    const corpus = tokeniseCorpus(texts.map((text, i) => ({ headline: `Article ${i}`, text })));
    const space = buildVectorSpace(corpus, 200, RELATED_WEIGHTING);
    const index = buildRelatedIndex(
      space.vectors,
      corpus.vocabulary.length,
      Int32Array.from(texts, (_, i) => i),
    );
    const table = candidateRange(index, 0, texts.length);
    // By cosine alone the rare name wins...
    expect(table.neighbours[0]).toBe(165);
    // ...by shared neighbours, the articles on the same subject do.
    const { neighbours, scores } = rerankRange(index, { tables: [table], rowsPer: texts.length }, 0, 1, 5);
    expect(Array.from(neighbours).every((j) => j > 0 && j < 150)).toBe(true);
    expect(Array.from(scores).every((s) => s > 0 && s <= 1)).toBe(true);
  });

  it('leaves out words of one article and damps the weight of rare ones', () => {
    const corpus = tokeniseCorpus([
      { headline: 'Budget', text: 'budget budget taxes unique' },
      { headline: 'Taxes', text: 'taxes budget spending' },
      { headline: 'Spending', text: 'spending taxes rare' },
      { headline: 'Rare', text: 'rare budget spending' },
    ]);
    const plain = buildVectorSpace(corpus, 200);
    const damped = buildVectorSpace(corpus, 200, RELATED_WEIGHTING);
    const words = (v: { ids: Int32Array }) => Array.from(v.ids, (id) => corpus.vocabulary[id]);
    expect(words(plain.vectors[0] ?? { ids: new Int32Array() })).toContain('unique');
    expect(words(damped.vectors[0] ?? { ids: new Int32Array() })).not.toContain('unique');
    for (const v of damped.vectors) expect(Math.hypot(...v.weights)).toBeCloseTo(1, 10);
  });

  it('gives scores between 0 and 1 and at most k results', () => {
    for (const list of related) {
      expect(list.length).toBeLessThanOrEqual(2);
      for (const r of list) expect(r.score).toBeGreaterThanOrEqual(0);
      for (const r of list) expect(r.score).toBeLessThanOrEqual(1);
    }
  });
});
