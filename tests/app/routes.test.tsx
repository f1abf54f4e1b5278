/** The app's routes against data made by the real build: list, article, sidebar, not found, bad data. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { articles, serveSite, siteFiles } from './fixture-site.ts';
import { renderApp } from './render-app.tsx';

const [copyA, copyB] = articles;
if (copyA === undefined || copyB === undefined) throw new Error('fixture needs both seed articles');

describe('story list', () => {
  it('shows the two copies as one story with a chip for each copy', async () => {
    serveSite();
    renderApp('/');
    const headline = await screen.findByRole('link', { name: copyB.headline });
    expect(headline.getAttribute('href')).toBe(`/article/${copyB.id}/`);
    expect(screen.getByText('1 story from 2 articles')).toBeTruthy();
    const chips = within(screen.getByRole('list', { name: 'Copies of this story' })).getAllByRole('link');
    expect(chips.map((c) => c.getAttribute('href')).sort()).toEqual(
      [`/article/${copyA.id}/`, `/article/${copyB.id}/`].sort(),
    );
  });

  it('answers an out-of-range page with the not-found view', async () => {
    serveSite();
    renderApp('/?page=7');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });
});

describe('article view', () => {
  it('opens from the list and shows the article with its other coverage', async () => {
    serveSite();
    renderApp('/');
    await userEvent.click(await screen.findByRole('link', { name: copyB.headline }));
    expect(await screen.findByRole('heading', { level: 1, name: copyB.headline })).toBeTruthy();
    const sidebar = screen.getByRole('complementary', { name: 'Other coverage and related stories' });
    expect(
      within(sidebar)
        .getByRole('link', { name: new RegExp(copyA.headline) })
        .getAttribute('href'),
    ).toBe(`/article/${copyA.id}/`);
    expect(
      screen.getByText('Marco Rubio states US would take ceasefire offer to Russia, with hopes for a quick response'),
    ).toBeTruthy();
  });

  it('moves focus to the headline after navigation', async () => {
    serveSite();
    renderApp(`/article/${copyA.id}`);
    const heading = await screen.findByRole('heading', { level: 1, name: copyA.headline });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('reveals the removed text on request', async () => {
    serveSite();
    renderApp(`/article/${copyB.id}`);
    const toggle = await screen.findByText(/^Show removed text \(\d+ lines\)$/);
    await userEvent.click(toggle);
    expect(screen.getByText('More from World')).toBeTruthy();
    expect(screen.getAllByText(/heading of a list of links to other pages/).length).toBeGreaterThan(0);
  });

  it('shows a not-found view with a link home for an unknown id', async () => {
    serveSite();
    renderApp('/article/no-such-article-123456');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to all stories' }).getAttribute('href')).toBe('/');
  });

  it('shows an error view, not a blank page, for data that does not match the schema', async () => {
    const files = siteFiles();
    files.set(`/data/articles/${copyA.id}.json`, { schemaVersion: 1, article: { headline: 42 } });
    serveSite(files);
    renderApp(`/article/${copyA.id}`);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'This data does not match the expected format' })).toBeTruthy();
    expect(alert.textContent).toContain(`/data/articles/${copyA.id}.json`);
  });
});
