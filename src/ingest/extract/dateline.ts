/**
 * The dateline that opens a wire story: "JEDDAH — The United States …", "LONDON (Reuters) - …",
 * "NEW DELHI: …". The place is in capitals (that is what makes it a dateline rather than a sentence
 * that happens to contain a dash), optionally followed by a date or a region and the agency.
 * Scripts without capitals (Arabic, Hebrew, Chinese…) cannot show a place that way, so there the
 * dateline is one to three words before a dash ("الخرطوم — …"), never a colon, which such text uses in
 * ordinary sentences.
 */

const DATELINE =
  /^(\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu}\.?)(?:,\s*[\p{L}\p{N}. ]{1,30}?)?\s*(?:\([^()]{1,40}\))?\s*(?:[—–]|-{1,2}|:)\s+(?=\S)/u;

const CASELESS_DATELINE =
  /^(\p{Lo}[\p{Lo}\p{M}]*(?:\s\p{Lo}[\p{Lo}\p{M}]*){0,2})\s*(?:\([^()]{1,40}\))?\s*(?:[—–]|-{1,2})\s+(?=\S)/u;

export interface Dateline {
  readonly place: string;
  /** The paragraph with the dateline taken off. */
  readonly rest: string;
}

export function splitDateline(paragraph: string): Dateline | null {
  const match = DATELINE.exec(paragraph) ?? CASELESS_DATELINE.exec(paragraph);
  if (match === null) return null;
  const place = (match[1] ?? '').trim();
  // One capitalised word such as "I" or "A" is a sentence, not a place.
  if (place.replace(/[^\p{L}]/gu, '').length < 3) return null;
  const rest = paragraph.slice(match[0].length);
  if (rest.length === 0) return null;
  return { place, rest };
}
