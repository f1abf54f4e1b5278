/**
 * eld's detection loaded from a JSON copy of its database: the same answers as eld/small (over every
 * language of the samples, and the edges of eld's text handling), and a bad copy mended.
 */
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

  it('answers as eld/small on texts in many scripts, cut at its limits, with contractions, numbers and emoji', async () => {
    const detector = await loadLanguageDetector(join(folder, 'eld-small.json'));
    const edges = [
      '',
      '   ',
      '— … ?!',
      'a',
      'ab',
      'abc',
      'abcd',
      'abcde',
      "Don’t stop: they're 'here' `now`",
      '123 456 7,890 2025-03-01',
      'Ceasefire talks 🙂 resume 🇺🇦 in Jeddah 𝒜𝒷𝒸',
      'lone \ud800 surrogate \udc00 here',
      'x'.repeat(90) + ' ' + 'y'.repeat(71) + ' zz',
      'Ελληνικά κείμενα για τη συνάντηση στη Τζέντα',
      'שיחות הפסקת האש יתחדשו בשבוע הבא',
      'कल सुबह वार्ता फिर से शुरू होगी',
      '東京で会議が月曜日に再開されます',
      '회담은 월요일에 재개될 예정이다',
      'Rozmowy zostaną wznowione w poniedziałek',
      'As conversações serão retomadas na segunda-feira',
    ];
    const long = SAMPLES.join(' ').repeat(8);
    const texts = [...SAMPLES, ...edges, long, long.slice(990, 2000), ...SAMPLES.map((t) => t.toUpperCase())];
    // Every cut of the longer samples, so each n-gram boundary and byte limit is crossed.
    for (const sample of SAMPLES) for (let end = 1; end <= sample.length; end += 7) texts.push(sample.slice(0, end));
    const differing = texts.filter((text) => detector.detect(text).language !== eld.detect(text).language);
    expect(differing).toEqual([]);
    expect(new Set(texts.map((text) => detector.detect(text).language)).size).toBeGreaterThan(10);
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
