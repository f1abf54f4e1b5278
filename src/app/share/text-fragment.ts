/**
 * Links to a quoted passage with a text fragment (`#:~:text=`), which browsers scroll to and highlight.
 * Long quotes are given by their first and last words (`text=start,end`) to keep the link short.
 */

const EDGE_WORDS = 4;
const WHOLE_QUOTE_WORDS = 2 * EDGE_WORDS + 2;

/** Percent-encodes a fragment term; `-`, `,` and `&` have meanings in the directive and are encoded too. */
function encodeTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

export function textFragmentUrl(pageUrl: string, quote: string): string {
  const base = pageUrl.replace(/#.*$/, '');
  const words = quote.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 0) return base;
  const directive =
    words.length <= WHOLE_QUOTE_WORDS
      ? encodeTerm(words.join(' '))
      : `${encodeTerm(words.slice(0, EDGE_WORDS).join(' '))},${encodeTerm(words.slice(-EDGE_WORDS).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}
