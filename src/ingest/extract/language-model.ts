/**
 * eld's language detector with its "small" n-gram database, loaded quickly. eld ships the database as a
 * 1.6 MB JavaScript object literal (`src/ngrams/small.js`): compiling and running it took 0.8–0.9 s in a
 * fresh process on the bench VM, most of the time a rebuild's extraction worker needs before it can
 * extract the one changed file. The same data as JSON parses in 0.21–0.30 s. So the first load writes it as
 * JSON, once per eld version, beside other tools' caches (`node_modules/.cache/broadsheet/`), and later loads
 * give that, with eld's word separators and byte table, to eld's detection in faster structures
 * (ngram-language-detector.ts; its answers are eld's, which tests/ingest/language-model.test.ts checks
 * against `eld/small` for the installed version).
 *
 * Those are eld's files, not its exports: any step that fails (a later eld moved them, node_modules is
 * read-only, the JSON is damaged) falls back to importing `eld/small`, which detects the same way.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installedPackage } from '../package-version.ts';
import { replaceFileSync } from '../replace-file.ts';
import { NgramLanguageDetector, type NgramDatabase } from './ngram-language-detector.ts';

export interface LanguageDetector {
  detect(text: string): { readonly language: string };
}

/** Where the JSON copy of eld's small database is kept: under the nearest node_modules/.cache, by eld's version. */
function defaultCopyPath(eld: { readonly folder: string; readonly version: string }): string {
  return join(eld.folder, '..', '.cache', 'broadsheet', `eld-small-${eld.version}.json`);
}

async function detectorFromCopy(copyPath: string | undefined): Promise<LanguageDetector | null> {
  const eld = installedPackage('eld');
  if (eld === null) return null;
  const source = (path: string) => pathToFileURL(join(eld.folder, 'src', path)).href;
  const [{ separators }, { dictionary }] = (await Promise.all([
    import(source('regexPatterns.js')),
    import(source('dictionary.js')),
  ])) as [{ separators?: unknown }, { dictionary?: unknown }];
  if (!(separators instanceof RegExp) || !Array.isArray(dictionary) || dictionary.length !== 256) return null;
  const copy = copyPath ?? defaultCopyPath(eld);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(copy, 'utf8'));
    if (!isDatabase(data)) throw new Error(`${copy} is not an eld database`);
  } catch {
    // No copy yet (or a damaged one): made from eld's own module this once.
    data = ((await import(source('ngrams/small.js'))) as { ngramsData: unknown }).ngramsData;
    try {
      mkdirSync(join(copy, '..'), { recursive: true });
      replaceFileSync(copy, JSON.stringify(data));
    } catch {
      // Read-only: every load reads eld's module.
    }
  }
  if (!isDatabase(data)) return null;
  return new NgramLanguageDetector(data, { separators, dictionary: dictionary as string[] });
}

/** The fields read from eld's database: its type, its languages by index and its n-grams. */
function isDatabase(data: unknown): data is NgramDatabase {
  if (typeof data !== 'object' || data === null) return false;
  const { type, languages, ngrams } = data as Record<string, unknown>;
  return typeof type === 'string' && typeof languages === 'object' && typeof ngrams === 'object';
}

/** `copyPath`: where the database's JSON copy is read and written (tests give their own). */
export async function loadLanguageDetector(copyPath?: string): Promise<LanguageDetector> {
  try {
    const detector = await detectorFromCopy(copyPath);
    if (detector !== null) return detector;
  } catch {
    // eld's files are not where this version expects them: its public entry below.
  }
  return (await import('eld/small')).eld;
}
