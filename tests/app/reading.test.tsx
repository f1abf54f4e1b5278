/** Read marks, the Saved list, times and outlet chips in the story list, by role and text. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../src/app/components/relative-time.tsx';
import { StoryRow } from '../../src/app/components/story-row.tsx';
import { StorySidebar } from '../../src/app/components/story-sidebar.tsx';
import type { StorySummary } from '../../src/shared/article-schema.ts';
import { articles, serveSite, siteFiles } from './fixture-site.ts';
import { renderApp, renderWithRouter } from './render-app.tsx';
import { storyRowHtml } from '../../src/ingest/emit/share/story-list-html.ts';

const [copyA, copyB] = articles;
if (copyA === undefined || copyB === undefined) throw new Error('fixture needs both seed articles');

describe('relativeTime', () => {
  const now = Date.parse('2025-03-12T12:00:00Z');
  it.each([
    ['2025-03-12T11:59:30Z', 'just now'],
    ['2025-03-12T11:35:00Z', '25 min ago'],
    ['2025-03-12T10:00:00Z', '2 h ago'],
    ['2025-03-11T09:00:00Z', 'yesterday'],
    ['2025-03-09T12:00:00Z', '3 days ago'],
    ['2025-03-12', 'today'],
    ['2025-03-10', '2 days ago'],
    ['2025-02-01T08:00:00Z', 'in the date itself'],
    ['2025-03-13T12:00:00Z', 'in the date itself'],
  ])('says %s is %s', (iso, expected) => {
    const said = relativeTime(iso, now);
    if (expected === 'in the date itself') expect(said).toMatch(/2025/);
    else expect(said).toBe(expected);
  });
});

describe('outlet chips', () => {
  const story = (n: number, listed = n): StorySummary => {
    const [first] = siteFilesStories();
    if (first === undefined) throw new Error('fixture has no story');
    const member = first.members[0];
    if (member === undefined) throw new Error('fixture story has no member');
    return {
      ...first,
      members: Array.from({ length: Math.min(n, listed) }, (_, i) => ({
        ...member,
        id: `copy-${i}`,
        outlet: `Outlet ${i}`,
      })),
      memberCount: n,
    };
  };

  it('names three outlets and folds the rest into "+N", which reveals them and moves focus', async () => {
    renderWithRouter(<StoryRow story={story(6)} />);
    const chips = screen.getByRole('list', { name: 'Copies of this story' });
    expect(
      within(chips)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Outlet 0', 'Outlet 1', 'Outlet 2']);
    await userEvent.click(within(chips).getByRole('button', { name: 'Show 3 more copies' }));
    expect(within(chips).getAllByRole('link')).toHaveLength(6);
    expect(document.activeElement?.textContent).toBe('Outlet 3');
  });

  it('links "+N" to the page of every copy when the story lists only some of them', () => {
    const big = story(40, 12);
    renderWithRouter(<StoryRow story={big} />);
    const chips = screen.getByRole('list', { name: 'Copies of this story' });
    const more = within(chips).getByRole('link', { name: 'All 40 copies' });
    expect(more.textContent).toBe('+37');
    expect(more.getAttribute('href')).toBe(`/story/?id=${encodeURIComponent(big.id)}`);
    expect(within(chips).getAllByRole('link')).toHaveLength(4);
  });

  it('offers every copy beside an article when the sidebar lists only some', () => {
    const big = story(40, 12);
    const current = big.members[0];
    if (current === undefined) throw new Error('no member');
    renderWithRouter(<StorySidebar current={current} story={big} related={[]} />);
    const all = screen.getByRole('link', { name: 'All 40 copies of this story' });
    expect(all.getAttribute('href')).toBe(`/story/?id=${encodeURIComponent(big.id)}`);
  });

  it('gives the reading time, and none for a headline-only story', () => {
    const { unmount } = renderWithRouter(<StoryRow story={{ ...story(1), readingMinutes: 3 }} />);
    expect(screen.getByText('3 min read')).toBeTruthy();
    unmount();
    renderWithRouter(<StoryRow story={{ ...story(1), readingMinutes: 0 }} />);
    expect(screen.queryByText(/min read/)).toBeNull();
    // The home page's written rows say the same.
    expect(storyRowHtml({ ...story(1), readingMinutes: 3 })).toContain('<span>3 min read</span>');
    expect(storyRowHtml({ ...story(1), readingMinutes: 0 })).not.toContain('min read');
  });

  it('shows four outlets in full rather than "+1"', () => {
    renderWithRouter(<StoryRow story={story(4)} />);
    expect(within(screen.getByRole('list', { name: 'Copies of this story' })).getAllByRole('link')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: /more copies/ })).toBeNull();
  });
});

function siteFilesStories(): StorySummary[] {
  const page = siteFiles().get('/data/stories/page-1.json') as { stories: StorySummary[] };
  return page.stories;
}

describe('read marks', () => {
  it('marks a story read once one of its copies is opened, and keeps the mark across a reload', async () => {
    serveSite();
    const first = renderApp('/');
    const row = (await screen.findByRole('link', { name: copyB.headline })).closest('article');
    if (row === null) throw new Error('no story row');
    expect(within(row).queryByText('Read')).toBeNull();
    await userEvent.click(within(row).getByRole('link', { name: copyB.headline }));
    await screen.findByRole('heading', { level: 1, name: copyB.headline });
    first.unmount();

    renderApp('/');
    const again = (await screen.findByRole('link', { name: copyB.headline })).closest('article');
    if (again === null) throw new Error('no story row');
    expect(within(again).getByText('Read')).toBeTruthy();
  });
});

describe('the Saved list', () => {
  it('saves an article, lists it on /saved/ after a reload, and removes it', async () => {
    serveSite();
    const first = renderApp(`/article/${copyA.id}/`);
    const save = await screen.findByRole('button', { name: 'Save' });
    expect(save.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(save);
    expect(screen.getByRole('button', { name: 'Saved' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('link', { name: 'Saved (1)' })).toBeTruthy();
    first.unmount();

    renderApp('/saved/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Saved' })).toBeTruthy();
    const link = screen.getByRole('link', { name: copyA.headline });
    expect(link.getAttribute('href')).toBe(`/article/${copyA.id}/`);
    await userEvent.click(screen.getByRole('button', { name: `Remove: ${copyA.headline}` }));
    expect(screen.queryByRole('link', { name: copyA.headline })).toBeNull();
    expect(screen.getByText(/Nothing saved yet/)).toBeTruthy();
  });
});

describe('the page of every copy of a story', () => {
  it('lists each copy with its outlet, linking to it, from /story/?id=', async () => {
    serveSite();
    const [story] = siteFilesStories();
    if (story === undefined) throw new Error('fixture has no story');
    renderApp(`/story/?id=${encodeURIComponent(story.id)}`);
    expect(await screen.findByRole('heading', { level: 1, name: story.headline })).toBeTruthy();
    const copies = screen.getAllByRole('listitem');
    expect(copies).toHaveLength(story.memberCount);
    for (const member of story.members) {
      const link = screen.getByRole('link', {
        name: new RegExp(member.headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      });
      expect(link.getAttribute('href')).toBe(`/article/${member.id}/`);
    }
  });

  it('shows the not-found view for a story that does not exist', async () => {
    serveSite();
    renderApp('/story/?id=no-such-story');
    expect(await screen.findByRole('heading', { level: 1, name: /not found/i })).toBeTruthy();
  });
});
