/**
 * Language and writing direction. The language comes from eld (Efficient Language Detector, n-gram
 * based, its "small" database; about 0.02-0.15 ms a call where tinyld took 0.6 ms, which mattered for
 * the extractor's 10 MB/s goal); the direction from the letters themselves, so an Arabic article reads
 * right to left even when the detector is unsure of the language.
 */
import { loadLanguageDetector } from './language-model.ts';

const eld = await loadLanguageDetector();

/** Enough text for a confident guess (the same language as 250 or 2,000 characters on all 181 pages of the extraction corpus); detection time grows with length. */
const SAMPLE_CHARS = 160;

export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (sample.trim() === '') return 'und';
  const code = eld.detect(sample).language;
  return /^[a-z]{2,3}$/.test(code) ? code : 'und';
}

/** Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms, by code point. */
function isRtlCode(c: number): boolean {
  return (c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
}

/** Right to left when most letters of the sample are in a right-to-left script. */
export function detectDirection(text: string): 'ltr' | 'rtl' {
  let rtl = 0;
  let letters = 0;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isRtlCode(c)) {
      rtl++;
      letters++;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) letters++;
  }
  return letters > 0 && rtl / letters > 0.5 ? 'rtl' : 'ltr';
}
