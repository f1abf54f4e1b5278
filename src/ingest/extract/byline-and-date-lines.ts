/**
 * Byline lines ("By Maria Okafor") and date lines ("Published 14 October 2024", "Updated 3 hours ago"):
 * short, title-like, and printed right next to the headline, so they must be recognised before the
 * headline is chosen or one of them would be.
 */
import { endsLikeSentence, isSentenceLike, wordCount } from './line-features.ts';
import { findDate, hasNumericDate, isYearlessStamp } from './published-date.ts';

const BYLINE = /^(by|written by|words by|reporting by|von|par|por|di|door|av|от|автор)\s+\p{Lu}/iu;
const MAX_BYLINE_WORDS = 14;
const MAX_DATE_LINE_WORDS = 14;
const RELATIVE_TIME = /^(published|updated|posted|last updated)?\s*:?\s*\d+\s+(min(ute)?s?|hours?|hrs?|days?)\s+ago$/i;

/** A label whose value, on the next line, is the author's name ("Author:" / "Jane Doe"). */
const AUTHOR_LABEL =
  /^(author|authors|by|written by|posted by|words|reporter|writer|autor|autore|auteur|autora)\s*:$/iu;

/** Whether `text` is the value of an author label on the line before it. */
export function followsAuthorLabel(text: string, previous: string | undefined): boolean {
  return previous !== undefined && AUTHOR_LABEL.test(previous) && wordCount(text) <= MAX_BYLINE_WORDS;
}

/** A time at the end of the line ("… at 11:08 a.m.") ends in a full stop that ends no sentence. */
const CLOCK_END = /\d\s*[ap]\.m\.$/i;

function endsLikeProse(text: string): boolean {
  return endsLikeSentence(text) && !CLOCK_END.test(text);
}

export function isBylineLine(text: string, words = wordCount(text)): boolean {
  return words <= MAX_BYLINE_WORDS && BYLINE.test(text) && !endsLikeProse(text);
}

/** A capitalised name, with a middle initial or not: "Trevor J. Mitchell". */
const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?: \p{Lu}\.)? \p{Lu}[\p{L}'’-]+`;
const NAMES_LINE = new RegExp(`^${NAME}(?:, ${NAME})* and ${NAME}(?= |$)`, 'u');

/**
 * Authors' names without "By", as printed over the date line: "Ana Ruiz and Trevor J. Mitchell Sioux Falls
 * Gazette". Two or more names joined by "and", every word capitalised but the "and". Callers check that a
 * date line follows: alone, a headline can read the same.
 */
export function isNamesLine(text: string): boolean {
  if (!text.includes(' and ') || !NAMES_LINE.test(text)) return false;
  return text.split(' ').every((w) => w === 'and' || /^\p{Lu}/u.test(w));
}

/** Where the name ends in a byline that goes on with its date: "By Ana Ruiz | Updated …", "Von X publiziert am …". */
const BYLINE_TAIL =
  /\s*(?:\s[|•·—–]\s|\s+on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)|,?\s+(?:published|updated|posted|publiziert|veröffentlicht|aktualisiert|publié|mis à jour|publicado|atualizado|pubblicato|gepubliceerd)\b)/iu;

/** The names in a byline line, without its "By" and any date after them. */
export function bylineName(text: string): string {
  const names = isNamesLine(text) ? NAMES_LINE.exec(text) : null;
  if (names !== null) return names[0];
  const name = text
    .replace(/^(by|written by|words by|reporting by|von|par|por|di|door|av|от|автор)\s+/iu, '')
    .replace(/ , /g, ', ');
  const tail = BYLINE_TAIL.exec(name);
  return tail === null || tail.index === 0 ? name : name.slice(0, tail.index);
}

/**
 * The name after a date line's last separator, or right after its year: "March 4, 2025 | by Helen" gives
 * "Helen", as do "Publicado em 4 de março de 2025 por Helen" and "Publié le 4 mars 2025 par Helen".
 */
const BYLINE_AFTER_DATE = /(?:\s[|•·/]\s*|(?<=\d{4})\s+)(?:by|por|par|von|door)\s+(\p{Lu}[\p{L}.'’ -]{1,60})$/u;

export function bylineAfterDate(text: string): string | null {
  return BYLINE_AFTER_DATE.exec(text)?.[1]?.trim() ?? null;
}

export function isDateLine(text: string): boolean {
  // Every form this accepts has a digit; most lines have none, and the date patterns are costly.
  if (!/\d/.test(text)) return false;
  if (wordCount(text) > MAX_DATE_LINE_WORDS || (isSentenceLike(text) && !CLOCK_END.test(text))) return false;
  return findDate(text) !== null || hasNumericDate(text) || RELATIVE_TIME.test(text) || isYearlessStamp(text);
}
