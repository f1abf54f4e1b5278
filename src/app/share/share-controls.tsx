/**
 * The article's Share button and, while the reader has text of the article selected, a "Share quote"
 * button that links straight to the passage. What happened is announced in a status region.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { articlePath } from '../../shared/site-paths.ts';
import { OUTCOME_MESSAGES, shareLink, type ShareTarget } from './share-link.ts';
import { textFragmentUrl } from './text-fragment.ts';

const MESSAGE_MS = 4000;

function useStatus(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return [
    message,
    (next: string) => {
      window.clearTimeout(timer.current);
      setMessage(next);
      if (next !== '') timer.current = window.setTimeout(() => setMessage(''), MESSAGE_MS);
    },
  ];
}

/** The text selected inside `container`, or '' when the selection is elsewhere or empty. */
function useSelectedText(container: RefObject<HTMLElement | null>): string {
  const [text, setText] = useState('');
  useEffect(() => {
    const update = () => {
      const selection = document.getSelection();
      const root = container.current;
      if (selection === null || selection.isCollapsed || root === null || selection.rangeCount === 0) {
        setText('');
        return;
      }
      const range = selection.getRangeAt(0);
      setText(root.contains(range.commonAncestorContainer) ? selection.toString().trim() : '');
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [container]);
  return text;
}

export function ShareControls({
  id,
  headline,
  articleRef,
}: {
  id: string;
  headline: string;
  articleRef: RefObject<HTMLElement | null>;
}) {
  const [status, setStatus] = useStatus();
  const selected = useSelectedText(articleRef);
  const url = new URL(articlePath(id), window.location.origin).href;
  const share = async (target: ShareTarget) => setStatus(OUTCOME_MESSAGES[await shareLink(target)]);
  return (
    <div className="share-controls">
      <button
        type="button"
        className="share-button"
        // The visible word starts the name, so speech users can say "click Share".
        aria-label={`Share: ${headline}`}
        onClick={() => void share({ title: headline, url })}
      >
        Share
      </button>
      {selected === '' ? null : (
        <button
          type="button"
          className="share-quote"
          // Keep the selection: a mouse press on the button would otherwise clear it before the click.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void share({ title: headline, url: textFragmentUrl(url, selected), text: `“${selected}”` })}
        >
          Share quote
        </button>
      )}
      <span role="status" className="share-status">
        {status}
      </span>
    </div>
  );
}
