/**
 * What the story list and an article's sidebar show of a story. A story covered by hundreds of outlets
 * would put hundreds of copies in every one of its articles' data files and share pages (at 100k
 * articles of bench generator 2, 43 on average: 17 KB a file); a reader scans a dozen. The rest are one click away
 * in `data/story/<id>.json`.
 */
import type { StorySummary } from '../../shared/article-schema.ts';

export const MAX_LISTED_COPIES = 12;

const listed = new WeakMap<StorySummary, StorySummary>();

/**
 * The story with at most MAX_LISTED_COPIES members: the fullest copy (whose headline the story shows),
 * then one copy per outlet, then the rest, each newest first; listed in the story's own order.
 */
export function listedStory(story: StorySummary): StorySummary {
  if (story.members.length <= MAX_LISTED_COPIES) return story;
  const known = listed.get(story);
  if (known !== undefined) return known;
  const chosen = new Set<number>();
  const lead = story.members.findIndex((m) => m.headline === story.headline);
  if (lead >= 0) chosen.add(lead);
  const outlets = new Set<string | null>();
  for (const i of chosen) outlets.add(story.members[i]?.outlet ?? null);
  for (let i = 0; i < story.members.length && chosen.size < MAX_LISTED_COPIES; i++) {
    const outlet = story.members[i]?.outlet ?? null;
    if (outlets.has(outlet)) continue;
    outlets.add(outlet);
    chosen.add(i);
  }
  for (let i = 0; i < story.members.length && chosen.size < MAX_LISTED_COPIES; i++) chosen.add(i);
  const result = { ...story, members: story.members.filter((_, i) => chosen.has(i)) };
  listed.set(story, result);
  return result;
}
