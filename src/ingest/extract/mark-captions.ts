/**
 * Image captions: a line directly followed by a photo credit. Runs before the body search, because a
 * caption is a sentence like any paragraph and would otherwise be read as one; it scores as neutral in
 * the body search whether it sits above the story or between its paragraphs.
 */
import { withRole, type Draft, type Unit } from './draft.ts';
import { isPhotoCredit } from './photo-credit.ts';

const MAX_CAPTION_WORDS = 90;
const MAX_CREDIT_WORDS = 10;

export function markCaptions(draft: Draft): Draft {
  const units: Unit[] = [...draft.units];
  for (let i = 0; i + 1 < units.length; i++) {
    const caption = units[i];
    const credit = units[i + 1];
    if (caption === undefined || credit === undefined) continue;
    if (caption.role !== null || credit.role !== null) continue;
    if (caption.words < 3 || caption.words > MAX_CAPTION_WORDS || credit.words > MAX_CREDIT_WORDS) continue;
    if (!isPhotoCredit(credit.text, credit.words) || isPhotoCredit(caption.text, caption.words)) continue;
    units[i] = withRole(caption, 'caption');
    units[i + 1] = withRole(credit, 'credit');
    i++;
  }
  return { ...draft, units };
}
