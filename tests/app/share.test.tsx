/** Sharing from the article view: the share sheet when the browser has one, the clipboard otherwise. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ShareControls } from '../../src/app/share/share-controls.tsx';
import { shareLink } from '../../src/app/share/share-link.ts';
import { textFragmentUrl } from '../../src/app/share/text-fragment.ts';

const page = 'https://news.example.org/article/harbour-1a2b3c4d/';

describe('textFragmentUrl', () => {
  it('quotes a short passage whole, with the characters the directive reserves encoded', () => {
    expect(textFragmentUrl(page, '  a well-known, "final"  vote & more ')).toBe(
      `${page}#:~:text=a%20well%2Dknown%2C%20%22final%22%20vote%20%26%20more`,
    );
  });
  it('gives a long passage by its first and last four words', () => {
    const quote = 'one two three four five six seven eight nine ten eleven twelve';
    expect(textFragmentUrl(`${page}#old`, quote)).toBe(
      `${page}#:~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve`,
    );
  });
});

describe('shareLink', () => {
  const target = { title: 'Harbour wall', url: page };
  it('uses the share sheet when the browser can share the link', async () => {
    const share = vi.fn(() => Promise.resolve());
    const writeText = vi.fn(() => Promise.resolve());
    expect(await shareLink(target, { share, canShare: () => true, clipboard: { writeText } })).toBe('shared');
    expect(share).toHaveBeenCalledWith({ title: 'Harbour wall', url: page });
    expect(writeText).not.toHaveBeenCalled();
  });
  it('copies the link when there is no share sheet or it cannot take the link', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    expect(await shareLink(target, { clipboard: { writeText } })).toBe('copied');
    expect(await shareLink(target, { share: vi.fn(), canShare: () => false, clipboard: { writeText } })).toBe('copied');
    expect(writeText).toHaveBeenCalledWith(page);
  });
  it('says nothing when the reader closes the share sheet, and reports a clipboard that refuses', async () => {
    const abort = () => Promise.reject(new DOMException('closed', 'AbortError'));
    expect(await shareLink(target, { share: abort })).toBe('cancelled');
    const refuse = () => Promise.reject(new Error('denied'));
    expect(await shareLink(target, { clipboard: { writeText: refuse } })).toBe('failed');
  });
});

describe('ShareControls', () => {
  it('has a Share button named with the headline that copies the link and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    render(<ShareControls id="harbour-1a2b3c4d" headline="Harbour wall repaired" articleRef={createRef()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Share: Harbour wall repaired' }));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/article/harbour-1a2b3c4d/`);
    expect(screen.getByRole('status').textContent).toBe('Link copied');
  });

  it('offers "Share quote" only while text of the article is selected', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const articleRef = createRef<HTMLElement>();
    render(
      <>
        <article ref={articleRef}>
          <p>The council voted to repair the wall</p>
        </article>
        <ShareControls id="harbour-1a2b3c4d" headline="Harbour wall repaired" articleRef={articleRef} />
        <p>Elsewhere on the page</p>
      </>,
    );
    expect(screen.queryByRole('button', { name: 'Share quote' })).toBeNull();
    const select = (text: string) => {
      const node = screen.getByText(text).firstChild;
      const selection = document.getSelection();
      if (node === null || selection === null) throw new Error('nothing to select');
      const range = document.createRange();
      range.setStart(node, 4);
      range.setEnd(node, 20);
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    };
    select('Elsewhere on the page');
    expect(screen.queryByRole('button', { name: 'Share quote' })).toBeNull();
    select('The council voted to repair the wall');
    await userEvent.click(await screen.findByRole('button', { name: 'Share quote' }));
    expect(writeText).toHaveBeenCalledWith(
      `${window.location.origin}/article/harbour-1a2b3c4d/#:~:text=council%20voted%20to`,
    );
  });
});
