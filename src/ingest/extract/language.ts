/**
 * Language and writing direction. The language comes from tinyld (a small n-gram detector, fast enough
 * for the extractor's throughput goal); the direction from the letters themselves, so an Arabic article
 * reads right to left even when the detector is unsure of the language.
 */
import { detect } from 'tinyld';

/** Enough text for a confident guess; detection time grows with length. */
const SAMPLE_CHARS = 2000;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/gu;
const ANY_LETTER = /\p{L}/gu;

export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (sample.trim() === '') return 'und';
  const code = detect(sample);
  return /^[a-z]{2,3}$/.test(code) ? code : 'und';
}

export function detectDirection(text: string): 'ltr' | 'rtl' {
  const sample = text.slice(0, SAMPLE_CHARS);
  const rtl = sample.match(RTL_LETTER)?.length ?? 0;
  const letters = sample.match(ANY_LETTER)?.length ?? 0;
  return letters > 0 && rtl / letters > 0.5 ? 'rtl' : 'ltr';
}
