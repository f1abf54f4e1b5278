/**
 * Photo credits: the short line a copied page shows under an image caption ("Reuters",
 * "Photo: Jane Doe/AP", "Getty Images"). Recognising the credit is how a caption is told apart from a
 * paragraph, since captions are otherwise ordinary sentences.
 */
import { wordCount } from './line-features.ts';

/** Picture agencies and wire services whose name alone is a credit line. */
const AGENCIES = [
  'AAP',
  'AFP',
  'Alamy',
  'ANI',
  'Anadolu',
  'Anadolu Agency',
  'AP',
  'AP Photo',
  'Associated Press',
  'Bloomberg',
  'dpa',
  'EPA',
  'EPA-EFE',
  'Getty',
  'Getty Images',
  'iStock',
  'Kyodo',
  'PA',
  'PA Media',
  'PA Wire',
  'PTI',
  'Reuters',
  'Shutterstock',
  'SOPA Images',
  'Sipa',
  'TASS',
  'Xinhua',
] as const;

/** The agency names as a regex alternation (no name holds a character special to a regex). */
const AGENCY_NAMES = AGENCIES.join('|');
const AGENCY_LINE = new RegExp(`^\\(?(${AGENCY_NAMES})\\)?$`, 'i');
/** "Photo: …", "Image credit: …", "Foto: …", "(Photo by …)" */
const LABELLED =
  /^\(?(photo credit|image credit|photograph|photo|image|picture|pic|foto|credit|illustration|source)( by)?\s*[:/-]?\s+\S/i;
/** "Jane Doe/Reuters", "John Smith | AFP via Getty Images" */
const PERSON_SLASH_AGENCY = /^[\p{Lu}][\p{L}.'’ -]{1,60}(\s*[/|]\s*[\p{Lu}][\p{L}.&' -]{1,40}){1,3}$/u;

/** "Al Goldis, Associated Press", "Jane Doe for Reuters" */
const PERSON_COMMA_AGENCY = new RegExp(`^[\\p{Lu}][\\p{L}.'’ -]{1,60}(,| for| via)\\s+(${AGENCY_NAMES})$`, 'iu');

/** "By Jane Doe | Fox News" is the story's byline; a picture's credit says "Photo by". */
const BYLINE_START = /^by\s/i;

export function isPhotoCredit(text: string, words = wordCount(text)): boolean {
  if (words > 10 || BYLINE_START.test(text)) return false;
  // The two person-and-agency patterns backtrack on long lines: try them only where their separator is.
  const slash = text.includes('/') || text.includes('|');
  const comma = text.includes(',') || text.includes(' for ') || text.includes(' via ');
  return (
    AGENCY_LINE.test(text) ||
    (comma && PERSON_COMMA_AGENCY.test(text)) ||
    LABELLED.test(text) ||
    (slash && PERSON_SLASH_AGENCY.test(text)) ||
    /^©\s*\S/.test(text)
  );
}

/** The credit without its label: "Photo: Jane Doe/AP" → "Jane Doe/AP", "Image copyright Getty Images" → "Getty Images". */
export function creditName(text: string): string {
  return text
    .replace(/^\((.*)\)$/, '$1')
    .replace(
      /^(photo credit|image credit|photograph|photo|image|picture|pic|foto|credit|illustration|source)( by| copyright)?\s*[:/-]?\s*/i,
      '',
    )
    .replace(/^©\s*/, '')
    .trim();
}
