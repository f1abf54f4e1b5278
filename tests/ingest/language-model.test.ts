/** eld's detector loaded from a JSON copy of its database: the same answers as eld/small, and a bad copy mended. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eld } from 'eld/small';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLanguageDetector } from '../../src/ingest/extract/language-model.ts';

const SAMPLES = [
  'The minister said on Monday that the talks would resume after the summer recess.',
  'Der Minister sagte am Montag, die Gespräche würden nach der Sommerpause fortgesetzt.',
  'Le ministre a déclaré lundi que les discussions reprendraient après la pause estivale.',
  'El ministro dijo el lunes que las conversaciones se reanudarán después del receso.',
  'Министр заявил в понедельник, что переговоры возобновятся после летних каникул.',
  'قال الوزير يوم الاثنين إن المحادثات ستستأنف بعد العطلة الصيفية.',
  '部长周一表示，会谈将在暑期休会后恢复。',
  'Bakan pazartesi günü görüşmelerin yaz tatilinden sonra yeniden başlayacağını söyledi.',
];

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'broadsheet-eld-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('loadLanguageDetector', () => {
  it("writes eld's database as JSON once and then detects from it as eld/small does", async () => {
    const copy = join(folder, 'eld-small.json');
    const first = await loadLanguageDetector(copy);
    const written = JSON.parse(readFileSync(copy, 'utf8')) as { type: string; ngrams: Record<string, unknown> };
    expect(written.type).toBe('S60');
    expect(Object.keys(written.ngrams).length).toBeGreaterThan(50_000);
    const second = await loadLanguageDetector(copy);
    for (const text of SAMPLES) {
      const expected = eld.detect(text).language;
      expect(first.detect(text).language).toBe(expected);
      expect(second.detect(text).language).toBe(expected);
    }
    expect(SAMPLES.map((text) => second.detect(text).language)).toEqual([
      'en',
      'de',
      'fr',
      'es',
      'ru',
      'ar',
      'zh',
      'tr',
    ]);
  });

  it('mends a damaged or foreign copy and still detects', async () => {
    const copy = join(folder, 'eld-small.json');
    for (const bad of ['{"type": "S60", "langu', '{"something": "else"}']) {
      writeFileSync(copy, bad);
      const detector = await loadLanguageDetector(copy);
      expect(detector.detect(SAMPLES[1] ?? '').language).toBe('de');
      expect((JSON.parse(readFileSync(copy, 'utf8')) as { type: string }).type).toBe('S60');
    }
  });

  it('detects from eld itself when the copy cannot be written', async () => {
    const copy = join(folder, 'missing-folder-file', 'eld-small.json');
    writeFileSync(join(folder, 'missing-folder-file'), 'a file where the folder would be');
    const detector = await loadLanguageDetector(copy);
    expect(detector.detect(SAMPLES[2] ?? '').language).toBe('fr');
  });
});
