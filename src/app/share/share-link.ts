/**
 * Shares a link the best way the browser offers: the system share sheet where `navigator.share` can
 * take it, otherwise the clipboard. Returns what happened so the caller can tell the reader.
 */

export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

export interface ShareTarget {
  readonly title: string;
  readonly url: string;
  readonly text?: string;
}

/** The parts of `navigator` this uses, so tests can pass their own. */
export interface ShareNavigator {
  share?: (data: ShareData) => Promise<void>;
  canShare?: (data: ShareData) => boolean;
  clipboard?: { writeText(text: string): Promise<void> };
}

export async function shareLink(target: ShareTarget, nav: ShareNavigator = navigator): Promise<ShareOutcome> {
  const data: ShareData = {
    title: target.title,
    url: target.url,
    ...(target.text === undefined ? {} : { text: target.text }),
  };
  if (typeof nav.share === 'function' && (typeof nav.canShare !== 'function' || nav.canShare(data))) {
    try {
      await nav.share(data);
      return 'shared';
    } catch (error) {
      // The reader closed the share sheet: nothing to report. Other failures fall back to copying.
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    }
  }
  try {
    if (nav.clipboard === undefined) return 'failed';
    await nav.clipboard.writeText(target.url);
    return 'copied';
  } catch {
    return 'failed';
  }
}

export const OUTCOME_MESSAGES: Readonly<Record<ShareOutcome, string>> = {
  shared: 'Shared',
  copied: 'Link copied',
  cancelled: '',
  failed: 'Could not share or copy the link; copy it from the address bar',
};
