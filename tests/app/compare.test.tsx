/** Compare coverage: the two bundled copies aligned paragraph by paragraph, differences marked. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { alignCopies, sameParagraph, summarise } from '../../src/app/compare/align-copies.ts';
import { articles, serveSite } from './fixture-site.ts';
import { renderApp } from './render-app.tsx';

const [copyA, copyB] = articles;
if (copyA === undefined || copyB === undefined) throw new Error('fixture needs both seed articles');

describe('alignCopies', () => {
  it('pairs matching paragraphs, keeps paragraphs only one copy has, and marks changed words', () => {
    const rows = alignCopies(
      ['Putin spoke on January 20 about a truce.', 'A paragraph only the left has, about grain.', 'Both end here.'],
      ['Putin spoke on Jan. 20 about a truce.', 'Both end here.', 'The right adds a closing line on drones.'],
    );
    expect(rows.map((r) => r.kind)).toEqual(['both', 'left-only', 'both', 'right-only']);
    const first = rows[0];
    if (first?.kind !== 'both') throw new Error('expected a pair');
    expect(first.identical).toBe(false);
    expect(first.leftRuns.filter((w) => w.changed).map((w) => w.text.trim())).toEqual(['January']);
    expect(first.rightRuns.filter((w) => w.changed).map((w) => w.text.trim())).toEqual(['Jan.']);
    expect(summarise(rows)).toEqual({ both: 2, reworded: 1, leftOnly: 1, rightOnly: 1 });
  });

  it('does not mark quotes, apostrophes or dashes set differently as a change of wording', () => {
    const [row] = alignCopies(
      ['“Any agreements – with all” Washington’s aim'],
      ['"Any agreements - with all" Washington\'s aim'],
    );
    if (row?.kind !== 'both') throw new Error('expected a pair');
    expect(row.identical).toBe(true);
    expect(row.leftRuns.map((r) => r.text).join('')).toBe('“Any agreements – with all” Washington’s aim');
    expect(row.rightRuns.map((r) => r.text).join('')).toBe('"Any agreements - with all" Washington\'s aim');
  });

  it('treats paragraphs sharing most words as the same, and different ones as different', () => {
    expect(
      sameParagraph('The talks lasted eight hours in Jeddah.', 'Talks lasted more than eight hours in Jeddah.'),
    ).toBe(true);
    expect(sameParagraph('The talks lasted eight hours in Jeddah.', 'Drones were downed over Moscow.')).toBe(false);
  });
});

describe('the compare view', () => {
  it('shows the two bundled copies side by side with "January 20" against "Jan. 20"', async () => {
    serveSite();
    renderApp(`/compare/?a=${copyA.id}&b=${copyB.id}`);
    const table = await screen.findByRole('table');
    const headers = within(table).getAllByRole('columnheader');
    expect(headers).toHaveLength(2);
    const putin = within(table)
      .getAllByRole('row')
      .find((row) => /Putin told his Security Council/.test(row.textContent ?? ''));
    if (putin === undefined) throw new Error('the Putin paragraph is not aligned');
    const [left, right] = within(putin).getAllByRole('cell');
    expect(left?.querySelector('del')?.textContent).toMatch(/January/);
    expect(right?.querySelector('ins')?.textContent).toMatch(/Jan\./);
    expect(screen.getByText(/paragraphs in both/).textContent).toMatch(
      /^\d+ paragraphs in both \(\d+ worded differently\)/,
    );
  });
});
