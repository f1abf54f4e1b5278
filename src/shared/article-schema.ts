/**
 * The JSON contract between the build step (src/ingest) and the app (src/app).
 *
 * Every shape the build writes and the app reads is declared here once, as a valibot schema; the
 * TypeScript types are inferred from the schemas, so the type and its runtime check cannot drift.
 * This module imports nothing but valibot: it must compile for Node and for the browser alike.
 */
import * as v from 'valibot';

/** Bump when an emitted shape changes incompatibly; the app refuses data of another version. */
export const SCHEMA_VERSION = 2;

const text = v.pipe(v.string(), v.minLength(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** 1-based line number in the source file, so every block can be traced to its input. */
const lineNumber = v.pipe(v.number(), v.integer(), v.minValue(1));
/** ISO 8601 date or date-time, as far as the source text tells it. */
const isoDate = v.pipe(v.string(), v.isoTimestamp());
const isoDay = v.pipe(v.string(), v.isoDate());

export const ParagraphBlockSchema = v.object({
  type: v.literal('paragraph'),
  text,
  line: lineNumber,
});
export const SubheadingBlockSchema = v.object({
  type: v.literal('subheading'),
  text,
  line: lineNumber,
});
/** An image caption, with the photo credit line that followed it when there was one. */
export const CaptionBlockSchema = v.object({
  type: v.literal('caption'),
  text,
  credit: v.nullable(text),
  line: lineNumber,
});
/** The bullet summary some outlets print under the headline ("Key points"). */
export const HighlightsBlockSchema = v.object({
  type: v.literal('highlights'),
  items: v.pipe(v.array(text), v.minLength(1)),
  line: lineNumber,
});
/** A pull quote set apart from the paragraphs, with its attribution when the text gives one. */
export const QuoteBlockSchema = v.object({
  type: v.literal('quote'),
  text,
  attribution: v.nullable(text),
  line: lineNumber,
});

export const BlockSchema = v.variant('type', [
  ParagraphBlockSchema,
  SubheadingBlockSchema,
  CaptionBlockSchema,
  HighlightsBlockSchema,
  QuoteBlockSchema,
]);

/** A line of the input that the extractor did not put in the article, and why. */
export const RemovedLineSchema = v.object({
  line: lineNumber,
  text,
  reason: text,
});

export const ArticleSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  /** URL-safe, stable for a given source file name: `<headline slug>-<8 hex of the file name hash>`. */
  id: v.pipe(v.string(), v.regex(/^[\p{Ll}\p{Lo}\p{N}-]+$/u)),
  sourceFile: text,
  headline: text,
  standfirst: v.nullable(text),
  byline: v.nullable(text),
  /** Place named in the dateline ("JEDDAH —"), without the dash. */
  dateline: v.nullable(text),
  outlet: v.nullable(text),
  published: v.nullable(v.union([isoDate, isoDay])),
  /** BCP 47 primary language subtag, or "und" when it could not be told. */
  language: v.pipe(v.string(), v.regex(/^([a-z]{2,3}|und)$/)),
  direction: v.picklist(['ltr', 'rtl']),
  wordCount: count,
  readingMinutes: count,
  blocks: v.array(BlockSchema),
  removed: v.array(RemovedLineSchema),
});

/** What a list or a sidebar needs to show and link to one article. */
export const ArticleRefSchema = v.object({
  id: ArticleSchema.entries.id,
  headline: text,
  outlet: v.nullable(text),
  sourceFile: text,
  published: ArticleSchema.entries.published,
});

/** An article related to another one outside its story, with the shared terms that explain why. */
export const RelatedArticleSchema = v.object({
  article: ArticleRefSchema,
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  terms: v.array(text),
});

/** One row of the story list: every outlet's copy of the same event. */
export const StorySummarySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[\p{Ll}\p{Lo}\p{N}-]+$/u)),
  headline: text,
  standfirst: v.nullable(text),
  /**
   * The copies shown with the story, newest first: all of them for a small story, at most a dozen for one
   * covered by hundreds of outlets (`data/story/<id>.json` lists every copy).
   */
  members: v.pipe(v.array(ArticleRefSchema), v.minLength(1)),
  /** How many copies the story has in all. */
  memberCount: v.pipe(count, v.minValue(1)),
  earliest: ArticleSchema.entries.published,
  latest: ArticleSchema.entries.published,
  readingMinutes: count,
});

/** `data/index.json`: what the app reads first. */
export const SiteIndexSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  builtAt: isoDate,
  articleCount: count,
  storyCount: count,
  pageSize: v.pipe(count, v.minValue(1)),
  pageCount: count,
});

/** `data/stories/page-<n>.json`: one page of the story list, newest first. */
export const StoryPageSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  page: v.pipe(count, v.minValue(1)),
  pageCount: count,
  stories: v.array(StorySummarySchema),
});

/** `data/story/<id>.json`: every copy of one story, newest first. */
export const StoryCopiesSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  id: StorySummarySchema.entries.id,
  headline: text,
  members: v.pipe(v.array(ArticleRefSchema), v.minLength(1)),
});

/** `data/articles/<id>.json`: an article with what its page shows beside it. */
export const ArticleEntrySchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  article: ArticleSchema,
  story: StorySummarySchema,
  related: v.array(RelatedArticleSchema),
});

export type ParagraphBlock = v.InferOutput<typeof ParagraphBlockSchema>;
export type SubheadingBlock = v.InferOutput<typeof SubheadingBlockSchema>;
export type CaptionBlock = v.InferOutput<typeof CaptionBlockSchema>;
export type HighlightsBlock = v.InferOutput<typeof HighlightsBlockSchema>;
export type QuoteBlock = v.InferOutput<typeof QuoteBlockSchema>;
export type Block = v.InferOutput<typeof BlockSchema>;
export type BlockType = Block['type'];
export type RemovedLine = v.InferOutput<typeof RemovedLineSchema>;
export type Article = v.InferOutput<typeof ArticleSchema>;
export type ArticleRef = v.InferOutput<typeof ArticleRefSchema>;
export type RelatedArticle = v.InferOutput<typeof RelatedArticleSchema>;
export type StorySummary = v.InferOutput<typeof StorySummarySchema>;
export type SiteIndex = v.InferOutput<typeof SiteIndexSchema>;
export type StoryPage = v.InferOutput<typeof StoryPageSchema>;
export type StoryCopies = v.InferOutput<typeof StoryCopiesSchema>;
export type ArticleEntry = v.InferOutput<typeof ArticleEntrySchema>;
