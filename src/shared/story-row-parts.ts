/**
 * What the story list shows, for the app's list and the build's pre-rendered home page alike: its summary
 * line, which copy a row's headline opens and how many outlets are named before the rest fold into "+N".
 */
import type { StorySummary } from './article-schema.ts';

/** Outlets named before the rest fold into "+N". */
export const SHOWN_OUTLETS = 3;

export function leadArticleId(story: StorySummary): string {
  // Members are ordered newest first, then fullest; the story headline comes from the fullest copy.
  return (story.members.find((m) => m.headline === story.headline) ?? story.members[0])?.id ?? story.id;
}

/** The copies a row names before it is expanded, and whether its data lists every copy of the story. */
export function collapsedOutlets(story: StorySummary): {
  readonly shown: StorySummary['members'];
  readonly listsAll: boolean;
  readonly hidden: number;
} {
  const hidden = story.memberCount - SHOWN_OUTLETS;
  // A story with more copies than its data lists links "+N" to the page that lists them all.
  const listsAll = story.members.length >= story.memberCount;
  const shown = listsAll && hidden <= 1 ? story.members : story.members.slice(0, SHOWN_OUTLETS);
  return { shown, listsAll, hidden };
}

/** A count in the interface's English, its thousands grouped by commas ("12,345"), without Intl (format-date.ts). */
export function countText(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** The list's summary: "4,894 stories from 10,000 articles". */
export function listSummary(storyCount: number, articleCount: number): string {
  const stories = `${countText(storyCount)} ${storyCount === 1 ? 'story' : 'stories'}`;
  return `${stories} from ${countText(articleCount)} ${articleCount === 1 ? 'article' : 'articles'}`;
}
