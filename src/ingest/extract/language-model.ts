/**
 * eld's language detector with its "small" n-gram database, loaded quickly. eld ships the database as a
 * 1.6 MB JavaScript object literal (`src/ngrams/small.js`): compiling and running it took 0.8–0.9 s in a
 * fresh process on the bench VM, most of the time a rebuild's extraction worker needs before it can
 * extract the one changed file. The same data as JSON parses in 0.21–0.30 s. So the first load writes it as
 * JSON, once per eld version, beside other tools' caches (`node_modules/.cache/broadsheet/`), and later loads
 * give that to eld's own detector (`createEld` in `src/languageDetector.js`, which `eld/small` itself uses).
 *
 * Those are eld's files, not its exports: any step that fails (a later eld moved them, node_modules is
 * read-only, the JSON is damaged) falls back to importing `eld/small`, which detects the same way.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installedPackage } from '../package-version.ts';
import { replaceFileSync } from '../replace-file.ts';

export interface LanguageDetector {
  detect(text: string): { readonly language: string };
}

/** What eld's detector module exports (plain JavaScript; the shape `eld/small` relies on). */
interface DetectorModule {
  createEld(): { instance: LanguageDetector; loadData(data: unknown): unknown };
}

/** Where the JSON copy of eld's small database is kept: under the nearest node_modules/.cache, by eld's version. */
function defaultCopyPath(eld: { readonly folder: string; readonly version: string }): string {
  return join(eld.folder, '..', '.cache', 'broadsheet', `eld-small-${eld.version}.json`);
}

async function detectorFromCopy(copyPath: string | undefined): Promise<LanguageDetector | null> {
  const eld = installedPackage('eld');
  if (eld === null) return null;
  const source = (path: string) => pathToFileURL(join(eld.folder, 'src', path)).href;
  const { createEld } = (await import(source('languageDetector.js'))) as DetectorModule;
  if (typeof createEld !== 'function') return null;
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
  const { instance, loadData } = createEld();
  // eld answers with the database's type ("S60"), or nothing when it took none.
  return typeof loadData(data) === 'string' ? instance : null;
}

/** The fields eld reads from a database: its type, its languages by index and its n-grams. */
function isDatabase(data: unknown): boolean {
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
