/**
 * Some news sites attach a card to a politician's name: hovering shows the name again and the latest
 * headlines about them, ending in a "MORE" link. Copying the page glues the card into the sentence:
 * "… threatened to kill Rep. Ilhan OmarIlhan OmarHillicon Valley: … | … MORE (D-Minn.), the U.S. …".
 * The card starts where the name is printed twice with no space between and ends at its "MORE".
 */
const HOVER_CARD = /(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’.-]+){1,3})\1[^]{1,800}? MORE(?=[\s(,.;:]|$)/gu;

/** The line with any glued hover cards taken out, or the line itself when it has none. */
export function cutHoverCards(line: string): string {
  // The card's closing link is in capitals; most lines have no "MORE" and skip the costly pattern.
  if (!line.includes(' MORE')) return line;
  return line.replace(HOVER_CARD, '$1');
}
