/** What the story list and sidebars show of a story covered by many outlets. */
import { describe, expect, it } from 'vitest';
import { listedStory, MAX_LISTED_COPIES } from '../../src/ingest/emit/listed-story.ts';
import type { ArticleRef, StorySummary } from '../../src/shared/article-schema.ts';

function storyOf(members: ArticleRef[], headline = 'Ferry returns to service'): StorySummary {
  return {
    id: 'ferry-returns',
    headline,
    standfirst: null,
    members,
    memberCount: members.length,
    earliest: null,
    latest: null,
    readingMinutes: 2,
  };
}

const copy = (i: number, outlet: string, headline = `Copy ${i}`): ArticleRef => ({
  id: `copy-${i}`,
  headline,
  outlet,
  sourceFile: `copy-${i}.txt`,
  published: null,
});

describe('listedStory', () => {
  it('keeps a small story whole', () => {
    const story = storyOf([copy(0, 'A'), copy(1, 'B')]);
    expect(listedStory(story)).toBe(story);
  });

  it('lists the lead copy, then one copy per outlet, then the rest, in the story order', () => {
    // 40 copies from four outlets, A B C D A B C D …; the lead (headline copy) is copy 37.
    const members = Array.from({ length: 40 }, (_, i) =>
      copy(i, 'ABCD'[i % 4] ?? 'A', i === 37 ? 'Ferry returns to service' : `Copy ${i}`),
    );
    const listed = listedStory(storyOf(members));
    expect(listed.memberCount).toBe(40);
    expect(listed.members).toHaveLength(MAX_LISTED_COPIES);
    const ids = listed.members.map((m) => m.id);
    expect(ids).toContain('copy-37');
    expect(new Set(listed.members.map((m) => m.outlet))).toEqual(new Set(['A', 'B', 'C', 'D']));
    // The story's own order (newest first) is kept.
    const order = ids.map((id) => Number(id.slice(5)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
