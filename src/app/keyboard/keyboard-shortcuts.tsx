/**
 * Keyboard shortcuts for readers who keep their hands on the keys: `j`/`k` move to the next or previous
 * story in any list of stories, `/` focuses search (in search-box.tsx), `?` shows this list. Keys typed
 * into a field, or with Ctrl, Alt or Meta, are left alone.
 */
import { useEffect, useRef } from 'react';

export const SHORTCUTS: readonly (readonly [key: string, does: string])[] = [
  ['j', 'Next story'],
  ['k', 'Previous story'],
  ['/', 'Search'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close a panel or this list'],
];

export function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** The headline links of the story rows on the page, in reading order. */
function storyLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('main .story-row h2 a')];
}

function moveStory(step: 1 | -1): void {
  const links = storyLinks();
  if (links.length === 0) return;
  const current = links.findIndex((a) => a.closest('.story-row')?.contains(document.activeElement) ?? false);
  const next = current === -1 ? (step === 1 ? 0 : links.length - 1) : current + step;
  const target = links[Math.max(0, Math.min(links.length - 1, next))];
  target?.focus();
  target?.closest('.story-row')?.scrollIntoView({ block: 'nearest' });
}

/** The shortcuts' key handler, and a footer button that shows the list for those who do not know `?`. */
export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTypingTarget(event.target)) return;
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        moveStory(event.key === 'j' ? 1 : -1);
      } else if (event.key === '?') {
        event.preventDefault();
        if (dialog.current?.open !== true) dialog.current?.showModal();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" className="link-button" onClick={() => dialog.current?.showModal()}>
        Keyboard shortcuts
      </button>
      <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map(([key, does]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{does}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit" className="pill-button">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
