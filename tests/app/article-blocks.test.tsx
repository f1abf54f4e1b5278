import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ArticleBlocks } from '../../src/app/components/article-blocks.tsx';
import type { Block } from '../../src/shared/article-schema.ts';

const blocks: Block[] = [
  { type: 'caption', text: 'Officials meet in Jeddah.', credit: 'Reuters', line: 3 },
  { type: 'highlights', items: ['Aid resumes', 'Offer goes to Moscow'], line: 5 },
  { type: 'paragraph', text: 'The United States agreed on Tuesday to resume aid.', line: 7 },
  { type: 'subheading', text: 'Will Russia agree?', line: 9 },
  { type: 'quote', text: 'Nobody wants a fourth.', attribution: 'Eleri Jones, harbour master', line: 11 },
  { type: 'paragraph', text: '<img src=x onerror="window.pwned=1"> is just text here.', line: 13 },
];

describe('ArticleBlocks', () => {
  it('renders every block type with its proper element', () => {
    render(<ArticleBlocks blocks={blocks} dateline="JEDDAH" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Will Russia agree?' })).toBeTruthy();
    const highlights = screen.getByRole('region', { name: 'Highlights' });
    expect(
      within(highlights)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Aid resumes', 'Offer goes to Moscow']);
    const figures = screen.getAllByRole('figure');
    expect(figures[0]?.textContent).toBe('Officials meet in Jeddah. Photo: Reuters');
    expect(screen.getByText('Nobody wants a fourth.').closest('blockquote')).not.toBeNull();
    expect(screen.getByText('Eleri Jones, harbour master').tagName).toBe('FIGCAPTION');
  });

  it('sets the dateline before the first paragraph only', () => {
    render(<ArticleBlocks blocks={blocks} dateline="JEDDAH" />);
    const dateline = screen.getByText('JEDDAH');
    expect(dateline.closest('p')?.textContent).toBe('JEDDAH — The United States agreed on Tuesday to resume aid.');
    expect(screen.getAllByText('JEDDAH')).toHaveLength(1);
  });

  it('shows markup in article text as text, never as HTML', () => {
    const { container } = render(<ArticleBlocks blocks={blocks} dateline={null} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror="window.pwned=1"> is just text here.')).toBeTruthy();
  });
});
