/**
 * Keys of what each per-article and per-story file is made from, so a rebuild need not make again a file
 * whose inputs are those of the last build (the output manifest keeps the keys). An article stands for
 * itself by its extraction key (its file's name and bytes under one extractor version); its story and
 * related lists are hashed as the files hold them. What every file depends on — the code that makes them,
 * the site's URL — goes into the manifest's input version instead (`emitVersion`).
 */
import { createHash, hash } from 'node:crypto';
import type { Article, RelatedArticle, StorySummary } from '../../shared/article-schema.ts';
import type { RelatedCorpus } from '../relate/relate-corpus.ts';
import { relateVersion } from '../relate/relate-state.ts';
import { hashSourcesReached, modulesIn } from '../source-version.ts';

const sha1 = (text: string) => hash('sha1', text, 'base64');

/**
 * A hash of the code that turns articles into files (this folder and the shared modules)
 * and of the site's URL, which every page and feed names.
 */
export function emitVersion(siteUrl: string): string {
  // Stories and related lists are keyed by what they are made from (below), so the code that makes them
  // (grouping, related stories) is an input of every file too.
  const hash = createHash('sha256').update(siteUrl).update('\0').update(relateVersion());
  return hashSourcesReached(hash, emitSources()).digest('hex').slice(0, 16);
}

/** The code that writes the site's files: this folder's modules, the shared ones, and what they import. */
export function emitSources(): URL[] {
  return [
    ...modulesIn(new URL('./', import.meta.url), { recursive: true }),
    ...modulesIn(new URL('../../shared/', import.meta.url)),
  ];
}

/**
 * A story is made from its copies (its headline, standfirst, dates and listing are theirs, picked by the
 * relate code, whose version is in emitVersion): its id and its copies' keys in order stand for it. Known
 * once the corpus is grouped: the search index, started then, keys its stories before the rest is related.
 */
export class StoryKeys {
  private readonly keys = new Map<string, string | undefined>();

  constructor(private readonly articleKeys: ReadonlyMap<string, string>) {}

  of(story: StorySummary): string | undefined {
    if (this.keys.has(story.id)) return this.keys.get(story.id);
    const parts = [story.id];
    for (const member of story.members) {
      const own = this.articleKeys.get(member.id);
      if (own === undefined) {
        this.keys.set(story.id, undefined);
        return undefined;
      }
      parts.push(own);
    }
    const key = sha1(parts.join('\0'));
    this.keys.set(story.id, key);
    return key;
  }
}

export class OutputInputs {
  private readonly entryKeys = new Map<string, string | undefined>();
  /** Copies of a story share one related list (relate-corpus.ts): each list is keyed once. */
  private readonly relatedKeys = new WeakMap<object, string>();

  /** Articles whose entries may differ from those in the output; undefined: any may. */
  private readonly changed: ReadonlySet<string> | undefined;

  /**
   * `articleKeys`: each article's extraction key by id (an article without one gets no keys).
   * `outputStateToken`: the token of the relate state the output's last build saved (output-manifest.ts).
   */
  constructor(
    private readonly articleKeys: ReadonlyMap<string, string>,
    private readonly corpus: RelatedCorpus,
    outputStateToken = '',
    /** The stories' keys, when some were made before the corpus was related (the search index's). */
    private readonly storyKeys = new StoryKeys(articleKeys),
  ) {
    const since = corpus.sinceState;
    this.changed =
      since !== undefined && since.token !== '' && since.token === outputStateToken ? since.changed : undefined;
  }

  /**
   * Whether the article, its story and its related list are known to be those the output's last build
   * wrote, without keying them: the relate update changed none of them since the state that build saved.
   * Its files can then be kept as the output record has them (OutputManifest.keepFile), which at 100k
   * articles saves keying every entry when a few changed. False says only that it is not known.
   */
  entryUnchanged(article: Article): boolean {
    return this.changed !== undefined && !this.changed.has(article.id);
  }

  /** Whether every copy of the story is unchanged as `entryUnchanged` tells, and so the story itself. */
  storyUnchanged(story: StorySummary): boolean {
    const changed = this.changed;
    return changed !== undefined && story.members.every((m) => !changed.has(m.id));
  }

  /** Of `data/articles/<id>.json` and `article/<id>/index.html`: the article, its story, its related list. */
  entry(article: Article): string | undefined {
    if (this.entryKeys.has(article.id)) return this.entryKeys.get(article.id);
    const own = this.articleKeys.get(article.id);
    const story = this.corpus.storyOf.get(article.id);
    const storyKey = story === undefined ? undefined : this.storyKey(story);
    const relatedKey = this.relatedKey(this.corpus.relatedOf.get(article.id) ?? []);
    const key =
      own === undefined || storyKey === undefined || relatedKey === undefined
        ? undefined
        : sha1(`${own}\0${storyKey}\0${relatedKey}`);
    this.entryKeys.set(article.id, key);
    return key;
  }

  /** Of `data/story/<id>.json`: the story's copies. */
  storyCopies(story: StorySummary): string | undefined {
    const key = this.storyKey(story);
    return key === undefined ? undefined : `copies\0${key}`;
  }

  /** Of `data/stories/page-<n>.json`: the page number, the page count and the page's stories. */
  storyPage(stories: readonly StorySummary[], page: number, pageCount: number): string | undefined {
    const parts = [`page\0${page}\0${pageCount}`];
    for (const story of stories) {
      const key = this.storyKey(story);
      if (key === undefined) return undefined;
      parts.push(key);
    }
    return sha1(parts.join('\0'));
  }

  /** Of a story: see StoryKeys. */
  storyKey(story: StorySummary): string | undefined {
    return this.storyKeys.of(story);
  }

  /** A related list: each related article's key, score and shared terms. Copies of a story share one list. */
  private relatedKey(related: readonly RelatedArticle[]): string | undefined {
    if (this.relatedKeys.has(related)) return this.relatedKeys.get(related);
    const parts: string[] = [];
    for (const { article, score, terms } of related) {
      const own = this.articleKeys.get(article.id);
      if (own === undefined) return undefined;
      parts.push(`${own}\u0001${score}\u0001${terms.join('\u0001')}`);
    }
    const key = sha1(parts.join('\0'));
    this.relatedKeys.set(related, key);
    return key;
  }

  /** Whether the story's feed is known to be the last build's: the story is unchanged and every copy dated. */
  storyFeedUnchanged(story: StorySummary): boolean {
    return this.storyUnchanged(story) && story.members.every((m) => m.published !== null);
  }

  /**
   * Of `feeds/story/<id>.xml`: the story's headline and its copies (their dates pick the newest). A copy
   * without a date is dated by the build in the feed, so such a story's feed is made on every build.
   */
  storyFeed(story: StorySummary, builtAt: string): string | undefined {
    const parts = [story.id, story.headline];
    for (const member of story.members) {
      const own = this.articleKeys.get(member.id);
      if (own === undefined) return undefined;
      parts.push(own);
    }
    if (story.members.some((m) => m.published === null)) parts.push(builtAt);
    return sha1(parts.join('\0'));
  }
}
