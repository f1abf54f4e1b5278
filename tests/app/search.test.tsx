/** Search in the app: the header box, `/` to focus it, `?q=` results with marked words, grouped by story. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { markTerms } from '../../src/app/search/mark-terms.ts';
import { matchSnippet } from '../../src/app/search/match-snippet.ts';
import { serveSite } from './fixture-site.ts';
import { renderApp } from './render-app.tsx';

describe('snippets', () => {
  it('mark the matched words whatever their case or accents', () => {
    expect(markTerms('Café owners in Kraków', ['cafe', 'krakow'])).toEqual([
      { text: 'Café', marked: true },
      { text: ' owners in ', marked: false },
      { text: 'Kraków', marked: true },
    ]);
  });
  it('come from the first paragraph with a match, clipped around it', () => {
    const long = `${'Opening words that say nothing much. '.repeat(6)}Then the Jeddah talks began in earnest.`;
    const snippet = matchSnippet(['No match here.', long], ['jeddah']);
    expect(snippet?.startsWith('…')).toBe(true);
    expect(snippet).toContain('Jeddah talks began');
    expect(matchSnippet(['nothing'], ['jeddah'])).toBeNull();
  });
});

describe('search', () => {
  it('shows stories matching ?q= with the words marked, and keeps the query in the box', async () => {
    serveSite();
    renderApp('/search/?q=zelensky');
    expect(await screen.findByText('1 story matches “zelensky”.')).toBeTruthy();
    const result = screen.getByRole('link', { name: /US to resume security support to Ukraine/ });
    expect(result.getAttribute('href')).toMatch(/^\/article\/.+\/$/);
    await waitFor(() => expect(document.querySelectorAll('mark').length).toBeGreaterThan(0));
    expect((screen.getByRole('searchbox', { name: 'Search stories' }) as HTMLInputElement).value).toBe('zelensky');
  });

  it('searches as you type, from any page, after "/" focuses the box', async () => {
    serveSite();
    const { address } = renderApp('/');
    await screen.findByText('1 story from 2 articles');
    await userEvent.keyboard('/');
    const box = screen.getByRole('searchbox', { name: 'Search stories' });
    expect(document.activeElement).toBe(box);
    await userEvent.keyboard('kyiv');
    await waitFor(() => expect(address.search).toBe('?q=kyiv'));
    expect(address.pathname).toBe('/search/');
    const results = await screen.findByRole('region', { name: 'Search' });
    expect(await within(results).findByRole('link', { name: /US to resume security support/ })).toBeTruthy();
  });

  it('says when nothing matches', async () => {
    serveSite();
    renderApp('/search/?q=zzzyzx');
    expect(await screen.findByText('No stories match “zzzyzx”.')).toBeTruthy();
  });
});
