/**
 * Updating the last build's stories and related lists (update-relations.ts): an unchanged corpus gives the
 * full build's answer; an added copy joins its story; a new event stands alone and is listed where a full
 * build lists it; a removed article leaves every story and list; past the limits the build relates in full.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractArticleFromBytes } from '../../src/ingest/extract/extract-article.ts';
import { relateCorpusInParallel, type RelatedCorpus } from '../../src/ingest/relate/relate-corpus.ts';
import { RelateStateStore } from '../../src/ingest/relate/relate-state.ts';
import type { UpdateLimits } from '../../src/ingest/relate/update-relations.ts';
import type { Article } from '../../src/shared/article-schema.ts';

/** A seeded generator of news-like articles: topics, events within them, and outlets' copies of each event. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES = ['ka', 'lo', 'vin', 'dar', 'mes', 'tor', 'ul', 'ben', 'sa', 'rik', 'po', 'nel', 'gat', 'fi'];

function word(next: () => number, syllables: number): string {
  let w = '';
  for (let s = 0; s < syllables; s++) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)] ?? 'ka';
  return w;
}

function pick<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('nothing to pick');
  return item;
}

interface Event {
  readonly topic: number;
  readonly names: string[];
  readonly words: string[];
}

const next = random(7);
const topics = Array.from({ length: 6 }, () => Array.from({ length: 150 }, () => word(next, 3)));
const events: Event[] = Array.from({ length: 90 }, (_, e) => {
  const topic = e % topics.length;
  const vocabulary = topics[topic] ?? [];
  return {
    topic,
    names: Array.from({ length: 4 }, () => word(next, 4)),
    words: Array.from({ length: 12 }, () => pick(next, vocabulary)),
  };
});

/** One outlet's copy of an event: its names and words in sentences of their own, with the topic's words. */
function copyText(event: Event, outlet: number): { headline: string; text: string } {
  const own = random(outlet * 7919 + events.indexOf(event) * 1009 + 1);
  const sentence = () =>
    Array.from({ length: 12 }, () => {
      const r = own();
      if (r < 0.4) return pick(own, event.names);
      if (r < 0.85) return pick(own, event.words);
      return pick(own, topics[event.topic] ?? []);
    }).join(' ') + '.';
  const title = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const headline = `${title(pick(own, event.names))} ${pick(own, event.words)} in ${title(pick(own, event.names))}`;
  const paragraphs = Array.from({ length: 4 }, () => `${title(sentence())} ${title(sentence())}`);
  return { headline, text: paragraphs.join('\n\n') };
}

function article(file: string, { headline, text }: { headline: string; text: string }): Article {
  return extractArticleFromBytes(new TextEncoder().encode(`${headline}\n\n${text}\n`), file);
}

/** Events 0 … 89 with one to three copies each, keyed by their text. */
function corpus(): { articles: Article[]; eventOf: Map<string, number> } {
  const articles: Article[] = [];
  const eventOf = new Map<string, number>();
  events.forEach((event, e) => {
    for (let outlet = 0; outlet <= e % 3; outlet++) {
      const a = article(`e${String(e).padStart(3, '0')}-o${outlet}.txt`, copyText(event, outlet));
      articles.push(a);
      eventOf.set(a.id, e);
    }
  });
  return { articles, eventOf };
}

const keysOf = (articles: readonly Article[]) => articles.map((a) => `${a.id}:${a.wordCount}:${a.headline}`);
const ANY_SIZE: UpdateLimits = { minArticles: 0, maxChanges: 10, maxDrift: 0.1 };

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'relate-state-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function relate(articles: readonly Article[], limits: UpdateLimits = ANY_SIZE): Promise<RelatedCorpus> {
  const store = new RelateStateStore(join(folder, 'relate'));
  const related = await relateCorpusInParallel(articles, { state: { store, keys: keysOf(articles), limits } });
  await store.settled();
  return related;
}

const membersOf = (corpus: RelatedCorpus, id: string) =>
  (corpus.storyOf.get(id)?.members ?? []).map((m) => m.id).sort();
const relatedIds = (corpus: RelatedCorpus, id: string) => (corpus.relatedOf.get(id) ?? []).map((r) => r.article.id);

describe('updating stories and related lists', () => {
  const { articles, eventOf } = corpus();

  it('gives the full build’s stories and lists when nothing changed', async () => {
    const full = await relate(articles);
    const again = await relate(articles);
    expect(again.stories).toEqual(full.stories);
    expect(again.relatedOf).toEqual(full.relatedOf);
    // The generated corpus groups about as it was made: a story per event, but for a chance pair or two.
    expect(full.stories.length).toBeGreaterThanOrEqual(events.length - 2);
  });

  it('puts an added copy in its event’s story, keeping the story’s id, and gives it the story’s list', async () => {
    const before = await relate(articles);
    const copy = article('e004-o9.txt', copyText(events[4] as Event, 9));
    const after = await relate([...articles, copy]);
    const sibling = articles.find((a) => eventOf.get(a.id) === 4) as Article;
    expect(membersOf(after, copy.id)).toEqual([...membersOf(before, sibling.id), copy.id].sort());
    expect(after.storyOf.get(copy.id)?.id).toBe(before.storyOf.get(sibling.id)?.id);
    expect(relatedIds(after, copy.id)).toEqual(relatedIds(after, sibling.id));
    expect(after.stories.length).toBe(before.stories.length);
  });

  it('gives a new event a story of its own, related to its topic as a full build relates it', async () => {
    await relate(articles);
    const fresh: Event = {
      topic: 2,
      names: ['zorblatt', 'quenthimar', 'vostrakel', 'ilmaridon'],
      words: Array.from({ length: 12 }, (_, k) => (topics[2] ?? [])[(k * 37 + 5) % 150] ?? ''),
    };
    const added = article('z-new.txt', copyText(fresh, 1));
    const updated = await relate([...articles, added]);
    rmSync(join(folder, 'relate'), { recursive: true });
    const full = await relate([...articles, added]);
    expect(membersOf(full, added.id)).toEqual([added.id]);
    expect(membersOf(updated, added.id)).toEqual([added.id]);
    const listed = relatedIds(updated, added.id);
    expect(listed.length).toBe(5);
    // Its list is on its topic, and mostly the list a full build gives it.
    for (const id of listed) expect((eventOf.get(id) ?? -1) % topics.length).toBe(2);
    const inFull = relatedIds(full, added.id);
    expect(listed.filter((id) => inFull.includes(id)).length).toBeGreaterThanOrEqual(4);
    // The stories it is most related to list it in return, as in the full build.
    const listedBack = (corpus: RelatedCorpus) =>
      articles.filter((a) => relatedIds(corpus, a.id).includes(added.id)).map((a) => a.id);
    expect(listedBack(updated).length).toBeGreaterThan(0);
    const back = listedBack(full);
    expect(listedBack(updated).filter((id) => back.includes(id)).length).toBeGreaterThanOrEqual(
      Math.ceil(back.length / 2),
    );
  });

  it('counts an added article in its words’ document frequencies, for the next update to weigh', async () => {
    await relate(articles);
    const store = new RelateStateStore(join(folder, 'relate'));
    const named = (file: string) =>
      article(file, { headline: `Zorblatt ${file}`, text: copyText(events[3] as Event, 7).text + ' Zorblatt.' });
    const frequency = async () => {
      const state = await store.load();
      return state?.documentFrequency[state.vocabulary.indexOf('zorblatt')];
    };
    await relate([...articles, named('z-1.txt')]);
    expect(await frequency()).toBe(1);
    await relate([...articles, named('z-1.txt'), named('z-2.txt')]);
    expect(await frequency()).toBe(2);
  });

  it('takes a removed article out of its story and of every list', async () => {
    const before = await relate(articles);
    // Event 5 has three copies, event 6 one: one copy of 5 goes, and 6 altogether.
    const gone = articles.filter((a) => a.sourceFile === 'e005-o0.txt' || eventOf.get(a.id) === 6);
    expect(gone.length).toBe(2);
    const kept = articles.filter((a) => !gone.includes(a));
    const after = await relate(kept);
    const goneIds = new Set(gone.map((a) => a.id));
    for (const story of after.stories) for (const m of story.members) expect(goneIds.has(m.id)).toBe(false);
    for (const a of kept) for (const id of relatedIds(after, a.id)) expect(goneIds.has(id)).toBe(false);
    expect(after.stories.length).toBe(before.stories.length - 1);
    const copies = kept.filter((a) => eventOf.get(a.id) === 5).map((a) => a.id);
    expect(membersOf(after, copies[0] ?? '')).toEqual(copies.sort());
    for (const a of kept) expect(relatedIds(after, a.id).length).toBe(5);
  });

  it('weighs a changed article again: rewritten about another event, it joins that event’s story', async () => {
    await relate(articles);
    const moved = articles.findIndex((a) => a.sourceFile === 'e010-o1.txt');
    const rewritten = article('e010-o1.txt', copyText(events[20] as Event, 5));
    const changed = articles.map((a, i) => (i === moved ? rewritten : a));
    const after = await relate(changed);
    const ofTwenty = changed.filter((a) => eventOf.get(a.id) === 20).map((a) => a.id);
    expect(membersOf(after, rewritten.id)).toEqual([...ofTwenty, rewritten.id].sort());
    const ofTen = changed.filter((a) => eventOf.get(a.id) === 10 && a.id !== rewritten.id).map((a) => a.id);
    expect(membersOf(after, ofTen[0] ?? '')).toEqual(ofTen.sort());
  });

  it('names the articles whose story or list may have changed: every other one has the last build’s', async () => {
    const before = await relate(articles);
    const savedBy = new RelateStateStore(join(folder, 'relate'));
    await savedBy.load();
    // An added copy, an edited article and a removed one, in three different events.
    const copy = article('e004-o9.txt', copyText(events[4] as Event, 9));
    const edited = article('e010-o1.txt', copyText(events[10] as Event, 7));
    const removed = articles.find((a) => a.sourceFile === 'e005-o0.txt') as Article;
    const now = [
      ...articles.filter((a) => a !== removed).map((a) => (a.sourceFile === edited.sourceFile ? edited : a)),
      copy,
    ];
    const after = await relate(now);
    const since = after.sinceState;
    expect(since?.token).toBe(savedBy.loadedToken);
    const changed = since?.changed ?? new Set<string>();
    for (const id of [copy.id, edited.id, ...membersOf(after, copy.id), ...membersOf(after, edited.id)])
      expect(changed.has(id)).toBe(true);
    // The removed copy's story lost a member: its copies are named too.
    const ofFive = now.filter((a) => eventOf.get(a.id) === 5).map((a) => a.id);
    for (const id of ofFive) expect(changed.has(id)).toBe(true);
    const unchanged = now.filter((a) => !changed.has(a.id));
    // Most of the corpus is known unchanged, and each such article's story and list are the last build's.
    expect(unchanged.length).toBeGreaterThan(now.length / 2);
    for (const a of unchanged) {
      expect(after.storyOf.get(a.id)).toEqual(before.storyOf.get(a.id));
      expect(after.relatedOf.get(a.id)).toEqual(before.relatedOf.get(a.id));
    }
    // A full build, or the first, names nothing: there is no last state it is measured from.
    expect(before.sinceState).toBeUndefined();
  });

  it('groups and relates in full when more changed than the limits allow, as a build without the state', async () => {
    await relate(articles);
    const edited = articles.map((a, i) =>
      i < 4 ? article(a.sourceFile, copyText(events[(eventOf.get(a.id) ?? 0) + 30] as Event, 4)) : a,
    );
    const limited = await relate(edited, { ...ANY_SIZE, maxChanges: 3 });
    rmSync(join(folder, 'relate'), { recursive: true });
    const full = await relate(edited);
    expect(limited.stories).toEqual(full.stories);
    expect(limited.relatedOf).toEqual(full.relatedOf);
  });

  it('counts the changes since the last full build and starts afresh past the drift limit', async () => {
    const limits = { ...ANY_SIZE, maxDrift: 2.5 / articles.length };
    await relate(articles, limits);
    const store = new RelateStateStore(join(folder, 'relate'));
    const withCopy = (n: number) => [
      ...articles,
      ...Array.from({ length: n }, (_, k) => article(`e00${k}-o8.txt`, copyText(events[k] as Event, 8))),
    ];
    await relate(withCopy(1), limits);
    expect((await store.load())?.drift).toBe(1);
    await relate(withCopy(2), limits);
    expect((await store.load())?.drift).toBe(2);
    // A third change would pass 2.5 changes: the build relates in full and the count starts again.
    await relate(withCopy(3), limits);
    expect((await store.load())?.drift).toBe(0);
    expect((await store.load())?.baseArticles).toBe(articles.length + 3);
  });
});

describe('the relate state file', () => {
  it('is neither made nor read for a corpus smaller than the update’s smallest', async () => {
    const { articles } = corpus();
    await relate(articles, { ...ANY_SIZE, minArticles: articles.length + 1 });
    expect(existsSync(join(folder, 'relate'))).toBe(false);
  });

  it('reads back what was saved, and nothing from a damaged file or other code', async () => {
    const { articles } = corpus();
    await relate(articles.slice(0, 40));
    const store = new RelateStateStore(join(folder, 'relate'));
    const state = await store.load();
    expect(state?.articleIds).toEqual(articles.slice(0, 40).map((a) => a.id));
    if (state === undefined) throw new Error('no state saved');
    const copy = new RelateStateStore(join(folder, 'copy'));
    copy.save(state);
    await copy.settled();
    expect(await copy.load()).toEqual(state);
    // Read ahead on another thread, as a build does, it is the same state.
    const ahead = new RelateStateStore(join(folder, 'copy'));
    ahead.readAhead();
    expect(await ahead.load()).toEqual(state);
    expect(await new RelateStateStore(join(folder, 'relate'), 'other code').load()).toBeUndefined();
    // Whether to read ahead is told from the file's first bytes: there, and made by this code.
    expect(copy.madeByThisCode()).toBe(true);
    expect(new RelateStateStore(join(folder, 'copy'), 'other code').madeByThisCode()).toBe(false);
    expect(new RelateStateStore(join(folder, 'none')).madeByThisCode()).toBe(false);
    writeFileSync(join(folder, 'copy', 'state.bin'), 'not a state');
    expect(await copy.load()).toBeUndefined();
    expect(copy.madeByThisCode()).toBe(false);
  });

  it('keeps its string lists as lines, refusing a string with a line break and counts past the end', async () => {
    const { articles } = corpus();
    await relate(articles.slice(0, 40));
    const state = await new RelateStateStore(join(folder, 'relate')).load();
    if (state === undefined) throw new Error('no state saved');
    const copy = new RelateStateStore(join(folder, 'lines'));
    expect(() => copy.save({ ...state, vocabulary: [...state.vocabulary.slice(0, -1), 'two\nlines'] })).toThrow(
      /vocabulary holds a line break/,
    );
    copy.save(state);
    await copy.settled();
    const file = join(folder, 'lines', 'state.bin');
    const bytes = readFileSync(file);
    expect(bytes.includes('"lineCounts":{"articleIds":40,')).toBe(true);
    // A count past the strings there are: the state is not read (the update then starts afresh).
    writeFileSync(
      file,
      Buffer.from(bytes.toString('latin1').replace('"articleIds":40,', '"articleIds":99,'), 'latin1'),
    );
    expect(await copy.load()).toBeUndefined();
  });
});
