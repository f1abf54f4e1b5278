/**
 * A seeded generator of copied-news-page corpora for the benchmark. Stories are recombined at run time
 * from the BBC News dataset in ../shared/corpus/bbc (evaluation data: read in place, never copied into
 * the project); each story is published by one to five invented outlets, each copy wrapped in that
 * outlet's page furniture (navigation, paywall prompt, caption and credit, "More from" lists, comments)
 * with small rewrites: its own headline wording, date style, a dropped or moved paragraph, a dateline.
 * The same seed and size always give the same files.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MONTHS } from '../../src/shared/format-date.ts';

/** Bump when the corpus a seed produces changes, so cached corpora are made again. */
export const GENERATOR_VERSION = 5;

export interface SourceArticle {
  readonly topic: string;
  readonly headline: string;
  readonly paragraphs: readonly string[];
}

/** mulberry32: small, fast and good enough to pick paragraphs; seeded so corpora repeat exactly. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fallback when ../shared is not there (a bare clone): the bundled articles' paragraphs, which the
 * project ships. Enough to keep `--quick` working; real figures need the BBC set.
 */
export async function loadBundledSources(articlesDir: string): Promise<SourceArticle[]> {
  const sources: SourceArticle[] = [];
  for (const file of (await readdir(articlesDir)).filter((f) => f.endsWith('.txt')).sort()) {
    const paragraphs = (await readFile(join(articlesDir, file), 'utf8'))
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p.split(' ').length >= 25);
    for (let i = 0; i + 3 <= paragraphs.length; i += 3) {
      const chunk = paragraphs.slice(i, i + 3);
      const headline = (chunk[0] ?? '').split(' ').slice(0, 9).join(' ');
      sources.push({ topic: 'world', headline, paragraphs: chunk });
    }
  }
  if (sources.length === 0) throw new Error(`no usable paragraphs in ${articlesDir}`);
  return sources;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The BBC set's text as a page shows it: it keeps a few characters as HTML entities (`&#163;` for £),
 * which a copied page never has, and writes some apostrophes as `&#191;` (¿) between letters.
 */
export function decodeSourceText(text: string): string {
  return text
    .replace(/(?<=\p{L})&#191;(?=\p{L})/gu, '\u2019')
    .replace(/&#(\d{1,7});/g, (entity, code: string) => {
      const point = Number(code);
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : entity;
    })
    .replace(/&([a-z]+);/g, (entity, name: string) => NAMED_ENTITIES[name] ?? entity);
}

export async function loadSources(bbcDir: string): Promise<SourceArticle[]> {
  const { articles: index } = JSON.parse(await readFile(join(bbcDir, 'index.json'), 'utf8')) as {
    articles: { file: string; category: string; duplicateOf: string | null }[];
  };
  const sources: SourceArticle[] = [];
  for (const entry of index) {
    if (entry.duplicateOf !== null) continue;
    const text = decodeSourceText(await readFile(join(bbcDir, entry.file), 'utf8'));
    const [headline = '', ...rest] = text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim());
    const paragraphs = rest.filter((p) => p.length > 0);
    if (headline !== '' && paragraphs.length >= 2) sources.push({ topic: entry.category, headline, paragraphs });
  }
  if (sources.length === 0) throw new Error(`no articles found in ${bbcDir}`);
  return sources;
}

const OUTLETS = [
  'The Northern Ledger',
  'Harbour Daily',
  'Valley Courier',
  'The Morning Dispatch',
  'Capital Wire',
  'Riverside Post',
  'The Evening Standardbearer',
  'Coastline News',
  'Metro Chronicle',
  'The Weekly Lantern',
  'Highland Herald',
  'Prairie Times',
];
const PLACES = ['LONDON', 'MANCHESTER', 'EDINBURGH', 'CARDIFF', 'BELFAST', 'BRUSSELS', 'NEW YORK', 'GENEVA'];
const SYLLABLES = [
  'ka',
  'lo',
  'ven',
  'mir',
  'tas',
  'dor',
  'el',
  'quin',
  'ra',
  'sut',
  'bel',
  'nor',
  'vi',
  'zan',
  'hal',
  'tek',
];
/** A few non-English stories, so language detection and direction run on every corpus. */
const FOREIGN = [
  {
    headline: 'El ayuntamiento aprueba el nuevo plan de transporte',
    paragraph:
      'El pleno del ayuntamiento aprobó el martes el nuevo plan de transporte urbano, que prevé más autobuses eléctricos y carriles para bicicletas en el centro de la ciudad durante los próximos cuatro años.',
  },
  {
    headline: 'Le gouvernement présente son budget pour l’année prochaine',
    paragraph:
      'Le gouvernement a présenté mercredi son projet de budget, qui prévoit une hausse des dépenses pour la santé et l’éducation ainsi qu’une réduction du déficit public d’ici deux ans.',
  },
  {
    headline: 'Stadtrat beschließt neue Regeln für den Wohnungsbau',
    paragraph:
      'Der Stadtrat hat am Donnerstag neue Regeln für den Wohnungsbau beschlossen, die mehr bezahlbare Wohnungen in den Innenstadtvierteln schaffen sollen, teilte die Verwaltung mit.',
  },
  {
    headline: 'الحكومة تعلن خطة جديدة لدعم المزارعين',
    paragraph:
      'أعلنت الحكومة يوم الأحد عن خطة جديدة لدعم المزارعين في المناطق الريفية، تشمل قروضا ميسرة وتحسين شبكات الري خلال السنوات الثلاث المقبلة.',
  },
];

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** An invented surname or place, unique per story, so recombined stories stay distinct. */
function inventName(random: () => number): string {
  const n = 2 + Math.floor(random() * 2);
  const word = Array.from({ length: n }, () => pick(SYLLABLES, random)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

interface Story {
  readonly headline: string;
  readonly paragraphs: readonly string[];
  readonly topic: string;
  readonly published: Date;
  readonly foreign: boolean;
}

/** Stories in a language other than English: enough to exercise detection and direction at every size, and
 * bounded, since four texts repeated thousands of times would make one giant story no real corpus has. */
const MAX_FOREIGN_STORIES = 200;
/** Paragraphs in a collage story. */
const COLLAGE_PARAGRAPHS = [4, 12] as const;

/**
 * Story `index`. The first pass over the sources tells each source article once. Past that (10k and more
 * articles), a story is a collage: each paragraph from a different article of one topic, the lead's
 * article giving the headline, so stories stay as distinct from each other as real ones are, however
 * large the corpus; reusing whole articles would make tens of near-identical "stories" per source.
 */
const topicIndexes = new WeakMap<readonly SourceArticle[], Map<string, SourceArticle[]>>();

/** The sources grouped by topic, computed once per source list. */
function byTopic(sources: readonly SourceArticle[]): Map<string, SourceArticle[]> {
  let index = topicIndexes.get(sources);
  if (!index) {
    index = new Map();
    for (const source of sources) {
      const list = index.get(source.topic) ?? [];
      list.push(source);
      index.set(source.topic, list);
    }
    topicIndexes.set(sources, index);
  }
  return index;
}

/** A capitalised word inside a sentence (not its first word): a name, a place, an organisation. */
const NAME_INSIDE = /(?<=[\p{Ll}\d,;:'’] )\p{Lu}\p{Ll}{2,}/gu;

/**
 * Renames the people, places and organisations of a borrowed paragraph (or headline), the same name to the same
 * invented one within a story. A borrowed paragraph kept verbatim would be wire copy shared by every
 * collage that drew it (each is drawn about ten times at 100k articles): stories would chain into
 * "stories" of hundreds of unrelated events, which no real corpus has. Renamed, collages share a topic's
 * vocabulary, as real stories on one beat do, but not its names.
 */
function renamer(random: () => number): (paragraph: string) => string {
  const names = new Map<string, string>();
  return (paragraph) =>
    paragraph.replace(NAME_INSIDE, (name) => {
      let invented = names.get(name);
      if (invented === undefined) {
        invented = inventName(random);
        names.set(name, invented);
      }
      return invented;
    });
}

function makeStory(index: number, sources: readonly SourceArticle[], random: () => number, start: Date): Story {
  const name = inventName(random);
  const published = new Date(start.getTime() + Math.floor(random() * 90 * 24 * 3600) * 1000);
  if (index < MAX_FOREIGN_STORIES * 50 && index % 50 === 7) {
    const f = pick(FOREIGN, random);
    return {
      headline: `${f.headline} (${name})`,
      paragraphs: [f.paragraph, f.paragraph.replace(/\.$/, ` ${name}.`)],
      topic: 'foreign',
      published,
      foreign: true,
    };
  }
  if (index < sources.length) {
    const base = sources[index] ?? pick(sources, random);
    const paragraphs = base.paragraphs.map((p, i) =>
      i % 3 === 1 ? `${p} ${name} said the matter was far from settled.` : p,
    );
    return { headline: base.headline, paragraphs, topic: base.topic, published, foreign: false };
  }
  const lead = pick(sources, random);
  const sameTopic = byTopic(sources).get(lead.topic) ?? [lead];
  const [min, max] = COLLAGE_PARAGRAPHS;
  const count = min + Math.floor(random() * (max - min + 1));
  // The lead is renamed too: at 100k every source leads about twenty collages.
  const rename = renamer(random);
  const paragraphs = [rename(lead.paragraphs[0] ?? lead.headline)];
  while (paragraphs.length < count) {
    const from = pick(sameTopic, random);
    paragraphs.push(rename(pick(from.paragraphs, random)));
  }
  return {
    headline: `${rename(lead.headline)}: ${name} responds`,
    paragraphs: paragraphs.map((p, i) => (i % 3 === 1 ? `${p} ${name} said the matter was far from settled.` : p)),
    topic: lead.topic,
    published,
    foreign: false,
  };
}

function dateIn(style: number, d: Date): string {
  const month = MONTHS[d.getUTCMonth()] ?? 'January';
  switch (style) {
    case 0:
      return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
    case 1:
      return `${month.slice(0, 3)}. ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
    default:
      return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} GMT`;
  }
}

function copyText(story: Story, outlet: string, copy: number, random: () => number): string {
  const paragraphs = [...story.paragraphs];
  if (copy > 0 && paragraphs.length > 4 && random() < 0.5)
    paragraphs.splice(1 + Math.floor(random() * (paragraphs.length - 2)), 1);
  if (copy > 0 && paragraphs.length > 4 && random() < 0.3) {
    const [moved] = paragraphs.splice(paragraphs.length - 1, 1);
    if (moved !== undefined) paragraphs.splice(2, 0, moved);
  }
  const headline =
    copy === 0 || story.foreign
      ? story.headline
      : pick([`${story.headline}`, `${story.headline} - latest`, `Update: ${story.headline}`], random);
  const published = new Date(story.published.getTime() + copy * 47 * 60 * 1000);
  const dateline = random() < 0.4 ? `${pick(PLACES, random)} — ` : '';
  const lines = [
    outlet,
    'Home',
    'World',
    'Business',
    'Sport',
    'Subscribe',
    '',
    headline,
    '',
    `By ${inventName(random)} ${inventName(random)}`,
    dateIn(copy % 3, published),
    '',
  ];
  if (random() < 0.5) lines.push(`A view of the scene. Photo: ${pick(OUTLETS, random)} / Agency`, '');
  paragraphs.forEach((p, i) => {
    lines.push(i === 0 ? `${dateline}${p}` : p, '');
    if (i === 3 && random() < 0.4) lines.push('Subscribe now to keep reading. Already a subscriber? Sign in', '');
  });
  lines.push(
    `More from ${story.topic === 'foreign' ? 'World' : story.topic.charAt(0).toUpperCase() + story.topic.slice(1)}`,
  );
  for (let i = 0; i < 4; i++)
    lines.push(`${inventName(random)} ${pick(['wins', 'warns', 'joins', 'plans'], random)} ${inventName(random)}`);
  lines.push(
    '',
    `Comments (${Math.floor(random() * 400)})`,
    `© ${published.getUTCFullYear()} ${outlet}. All rights reserved.`,
  );
  return lines.join('\n') + '\n';
}

/** Writes `size` article files into `dir` (1 to 5 copies a story, about 2.2 on average); returns the file count. */
export async function generateCorpus(
  dir: string,
  size: number,
  sources: readonly SourceArticle[],
  seed = 1,
): Promise<number> {
  const random = makeRandom(seed);
  const start = new Date(Date.UTC(2025, 0, 1));
  await mkdir(dir, { recursive: true });
  let written = 0;
  const pending: Promise<void>[] = [];
  for (let s = 0; written < size; s++) {
    const story = makeStory(s, sources, random, start);
    const copies = Math.min(size - written, 1 + Math.floor(random() * random() * 5));
    const outlets = shuffle(OUTLETS, random).slice(0, copies);
    for (const [c, outlet] of outlets.entries()) {
      const slug = outlet.toLowerCase().replace(/[^a-z]+/g, '-');
      pending.push(
        writeFile(join(dir, `${String(s).padStart(6, '0')}-${c}-${slug}.txt`), copyText(story, outlet, c, random)),
      );
      written++;
      if (pending.length >= 256) await Promise.all(pending.splice(0));
    }
  }
  await Promise.all(pending);
  return written;
}

export async function countFiles(dir: string): Promise<number> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.txt')).length;
  } catch {
    return 0;
  }
}
