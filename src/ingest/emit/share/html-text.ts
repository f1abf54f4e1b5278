/**
 * Escaping for the HTML the build writes by hand. Article text is never trusted as HTML: every value
 * from an article goes through one of these on its way into a page.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for element content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<` is written as `\u003c` so no value can
 * close the script element or open a comment, and the two JavaScript-hostile line separators are escaped.
 * The result is still plain JSON: `JSON.parse` of the element's text gives back the value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Shortens text to at most `max` characters at a word boundary, ending with an ellipsis when cut. */
export function clipText(text: string, max: number): string {
  // Flattening is local, so a long text's first characters come from a prefix of it: a whole article body
  // is flattened only when its prefix turns out too short (at 100k articles, flattening whole bodies for
  // the search leads alone took 1.4 s).
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  let flat = head.replace(/\s+/g, ' ').trim();
  if (flat.length <= max && head.length < text.length) flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let room = flat.slice(0, max - 1);
  // Never split a surrogate pair (an emoji or a rare CJK character) in two.
  if (/[\uD800-\uDBFF]$/.test(room)) room = room.slice(0, -1);
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > max * 0.6 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}
