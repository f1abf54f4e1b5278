/**
 * Image captions: a line directly followed by a photo credit. Runs before the body search, because a
 * caption is a sentence like any paragraph and would otherwise be read as one; it scores as neutral in
 * the body search whether it sits above the story or between its paragraphs. A caption that carries its
 * credit inline, or that the page labels "Image caption", needs no credit line after it.
 */
import { withRole, type Draft, type Unit } from './draft.ts';
import { isDateLine } from './byline-and-date-lines.ts';
import { isPhotoCredit } from './photo-credit.ts';

const MAX_CAPTION_WORDS = 90;
const MAX_CREDIT_WORDS = 10;
const MAX_LABELLED_CAPTION_WORDS = 160;

/** A caption with its credit at the end: "… (Image: GETTY)", "… (AP Photo/Evan Vucci)", "… Photo: Reuters". */
const INLINE_CREDIT =
  /\s*[([](?:(?:photo|image|picture|credit|foto|pic|source)s?\s*[:/]\s*([^()[\]]{2,60})|([^()[\]]{0,40}\b(?:AP|AFP|Getty|Reuters|EPA|Shutterstock|via)\b[^()[\]]{0,40}))\s*[)\]]\s*$/i;
/**
 * A credit glued to the caption's last full stop ("… in New York.Reuters", "… Austria.Leonhard Foeger /
 * Reuters") or a parenthetical with a slash ("(NASA/JPL/Space Science Institute)").
 */
const GLUED_CREDIT =
  /(?<=[\p{Ll}\d][.)])(\p{Lu}[\p{L}.'’ -]{1,40}\s*\/\s*[\p{L}.' ]{2,40}|Reuters|AP|AFP|Getty Images|EPA|Bloomberg|Shutterstock)$|\s*\(([^()]{2,40}\/[^()]{2,60})\)$/u;
/**
 * A caption ending in a labelled credit after its last sentence: "… the cruise phase. Credit: ESA" (science
 * news sites), "… third-quarter earnings. Photograph by Ana Ruiz/AFP" (business weeklies).
 */
const LABELLED_CREDIT =
  /(?<=[.!?)”"])\s+(?:(?:credit|image|photo|foto|picture|bild|crédit)s?\s*:|(?:photograph|photo|picture|image)s?\s+by)\s*([^.:!?]{2,60})$/iu;
/**
 * The credit patterns match only at the end of a line and are never longer than this, so they are tested
 * on the line's tail: an end-anchored pattern would otherwise be tried from every position of a long paragraph.
 */
const CREDIT_TAIL_CHARS = 160;
const GLUED_AGENCIES = ['Reuters', 'AP', 'AFP', 'Getty Images', 'EPA', 'Bloomberg', 'Shutterstock'];

/** A cheap test GLUED_CREDIT's unbracketed forms pass: a slash, or an agency's name at the very end. */
function mayEndInGluedCredit(tail: string): boolean {
  return tail.includes('/') || GLUED_AGENCIES.some((agency) => tail.endsWith(agency));
}

/** Why a gallery's shortened copy of a caption is left out (the assembler looks past it for the credit). */
export const CUT_COPY_REASON = 'shortened copy of the caption above';
/** A caption the page labels as one: "Image caption …", "Media caption…", "Photo: …" at the start. */
const LABELLED_CAPTION = /^(image|media|video|photo|picture) ?caption:?\s*/i;

export function markCaptions(draft: Draft): Draft {
  const units: Unit[] = [...draft.units];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (unit === undefined || unit.role !== null || unit.words < 3) continue;
    // The credit forms end the line with a bracket or come right after a full stop - test the last character first.
    const last = unit.text.charCodeAt(unit.text.length - 1);
    const bracketed = last === 0x29 || last === 0x5d;
    const tail = unit.text.slice(-CREDIT_TAIL_CHARS);
    const credited =
      (bracketed && (INLINE_CREDIT.test(tail) || GLUED_CREDIT.test(tail))) ||
      (!bracketed && tail.includes('.') && mayEndInGluedCredit(tail) && GLUED_CREDIT.test(tail));
    // "… Credit: ESA" names itself a credit, so a diagram's long legend is a caption too.
    const labelled =
      !bracketed &&
      unit.words <= MAX_LABELLED_CAPTION_WORDS &&
      (tail.includes(':') || tail.includes(' by ')) &&
      LABELLED_CREDIT.test(tail);
    if (LABELLED_CAPTION.test(unit.text) || (unit.words <= MAX_CAPTION_WORDS && credited) || labelled) {
      units[i] = withRole(unit, 'caption');
    }
  }
  const creditFirst = printsCreditsFirst(units);
  for (let i = 0; i + 1 < units.length; i++) {
    const caption = units[i];
    // A gallery prints the caption, then a copy cut short for its overlay ("… more"), then the credit.
    const copy = units[i + 1];
    const cut = copy !== undefined && copy.role === null && caption !== undefined && isCutCopy(copy.text, caption.text);
    const creditAt = cut ? i + 2 : i + 1;
    const credit = units[creditAt];
    if (caption === undefined || credit === undefined) continue;
    if (caption.role !== null || credit.role !== null) continue;
    if (caption.words < 3 || caption.words > MAX_CAPTION_WORDS || credit.words > MAX_CREDIT_WORDS) continue;
    if (!isPhotoCredit(credit.text, credit.words) || isPhotoCredit(caption.text, caption.words)) continue;
    // The story's date line sits where a caption would when the lead picture's credit follows it.
    if (isDateLine(caption.text)) continue;
    // A name with a date under it is the story's byline block under its headline ("Jane Doe, Associated
    // Press" / "Updated 12:24 am …"), not a picture's credit.
    const next = units[creditAt + 1];
    if (next !== undefined && next.role === null && isDateLine(next.text)) continue;
    if (creditFirst) {
      // The credit belongs to the picture below it: the line above is the story's.
      units[creditAt] = withRole(credit, 'credit');
      continue;
    }
    units[i] = withRole(caption, 'caption');
    if (cut && copy !== undefined) units[i + 1] = withRole(copy, 'removed', CUT_COPY_REASON);
    units[creditAt] = withRole(credit, 'credit');
    i = creditAt;
  }
  // Galleries print a caption and its credit twice in a row (the slide and its overlay): a copy takes the role too.
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (unit === undefined || unit.role !== null) continue;
    for (const near of [units[i - 1], units[i + 1]]) {
      if ((near?.role === 'caption' || near?.role === 'credit') && near.text === unit.text) {
        units[i] = withRole(unit, near.role);
        break;
      }
    }
  }
  return { ...draft, units };
}

/**
 * Some pages print each picture's credit above its caption ("Image copyright Getty Images" / "Image
 * caption Fans queue …"), BBC-style. One labelled caption right under a credit shows the page's order;
 * then a line is never a caption merely because a credit follows it.
 */
function printsCreditsFirst(units: readonly Unit[]): boolean {
  for (let i = 1; i < units.length; i++) {
    const unit = units[i] as Unit;
    if (unit.role !== 'caption' || !LABELLED_CAPTION.test(unit.text)) continue;
    const above = units[i - 1];
    if (above !== undefined && above.role === null && isPhotoCredit(above.text, above.words)) return true;
  }
  return false;
}

/** The overlay's shortened copy of a caption: its opening, then "…" or "... more". */
const CUT_MARK = /\s*(?:\.{3}|…)\s*(?:more|read more|mehr|plus|más|mais)?\s*$/iu;
/** The shortened copy keeps at least this much of the caption. */
const MIN_CUT_CHARS = 40;

export function isCutCopy(text: string, of: string): boolean {
  // Cheap tests first: this runs for every line against the line before it.
  if (text.length >= of.length + 12 || text.charCodeAt(0) !== of.charCodeAt(0)) return false;
  if (!of.startsWith(text.slice(0, MIN_CUT_CHARS))) return false;
  const match = CUT_MARK.exec(text);
  if (match === null) return false;
  const kept = text.slice(0, match.index).trimEnd();
  return kept.length >= MIN_CUT_CHARS && kept.length < of.length && of.startsWith(kept);
}

/** A caption's text and its inline credit, with the page's "Image caption" label taken off. */
export function splitInlineCredit(text: string): { text: string; credit: string | null } {
  const unlabelled = text.replace(LABELLED_CAPTION, '');
  const match = INLINE_CREDIT.exec(unlabelled) ?? GLUED_CREDIT.exec(unlabelled) ?? LABELLED_CREDIT.exec(unlabelled);
  if (match === null || match.index === 0) return { text: unlabelled, credit: null };
  const credit = (match[1] ?? match[2] ?? '').trim();
  return { text: unlabelled.slice(0, match.index).trim(), credit: credit === '' ? null : credit };
}
