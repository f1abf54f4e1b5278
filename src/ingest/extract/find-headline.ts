/**
 * The headline: the title-like line above the body that best fits the story. Each candidate scores on
 * - vocabulary: the share of its words that recur in the body (a headline is about the story; a menu
 *   item, an author's name or a widget label is not) — the strongest signal;
 * - length: headlines run 4 to 25 words; one- and two-word lines are section names and bylines;
 * - nearness to the first paragraph (nav menus sit far above it);
 * - repetition: pages often print the title twice (breadcrumb or sticky header, then the h1).
 * A line that occurs twice is taken at its first occurrence, and later copies are removed as repeats.
 */
import { TIMESTAMP_REASON } from './boilerplate-rules.ts';
import { followsAuthorLabel, isBylineLine, isDateLine, isNamesLine } from './byline-and-date-lines.ts';
import { isPhotoCredit } from './photo-credit.ts';
import { withRole, type Draft, type Unit } from './draft.ts';
import { isWordCode } from '../../shared/reading-time.ts';
import { ATTRIBUTION, foldForComparison, isTitleLike, QUOTED_LINE, sameLine } from './line-features.ts';
import { splitDateline } from './dateline.ts';

const MAX_HEADLINE_WORDS = 30;
/** How many body words to compare a candidate's vocabulary with. */
const BODY_SAMPLE_WORDS = 300;
/** Candidates further above the body than this many lines are menus, not titles. */
const MAX_DISTANCE = 60;
/** A headline ending in a full stop is short (see sentenceOverDate). */
const MAX_SENTENCE_TITLE_WORDS = 20;
/** Title Case needs a few long words to tell a headline's style from a short label's. */
const MIN_TITLE_CASE_WORDS = 3;
const WEIGHT = {
  vocabulary: 3,
  length: 1,
  nearness: 0.5,
  repeated: 1,
  allCaps: -1.5,
  sentence: -1,
  isolated: -0.5,
  blockEnd: 0.5,
  metaBelow: 2,
  gluedLinks: -2,
  breadcrumb: -3,
  crumb: -1.5,
  label: -1.5,
  twoSentences: -0.7,
  slug: 2,
} as const;
/** Shrinks the vocabulary share of short lines: as if every line had this many more unmatched words. */
const VOCABULARY_PRIOR = 1.5;
/** A candidate right above the best one wins when it scores at least this close: the headline stands above its standfirst. */
const ABOVE_MARGIN = 1.2;
/** ...and is no longer than it (a standfirst above a short caption is not the headline). */
const ABOVE_LONGER = 0;
/** ...and is headline-sized: a one- or two-word line above the title is a section label. */
const MIN_CLIMB_WORDS = 5;
/**
 * A line this short claims the byline and date under it only when it starts a block: inside a run of
 * navigation, a place or section name ("United States") sits above them as the headline would.
 */
const MIN_META_CLAIM_WORDS = 3;
/** Lines this short may be the site's or a section's name (see markBreadcrumbsAndLabels). */
const SHORT_LABEL_WORDS = 5;
const LABELLED_MEDIA = /^(photo|image|picture|video|watch|listen|audio|gallery|foto)\b\s*[:|]/i;

/** Titles that start with a number, in lower case after it ("10 things in tech you need to know today"). */
function isNumberedTitle(unit: Unit): boolean {
  return unit.words >= 4 && /^\d+ \p{Ll}/u.test(unit.text) && !/[.,;:]$/u.test(unit.text);
}

function isCandidate(unit: Unit, above: Unit | undefined, below: Unit | undefined): boolean {
  return (
    unit.role === null &&
    (isTitleLike(unit.text, MAX_HEADLINE_WORDS, unit.words) ||
      endsWithPeriodTitle(unit) ||
      isNumberedTitle(unit) ||
      sentenceOverDate(unit, below)) &&
    !followsAuthorLabel(unit.text, above?.text) &&
    (unit.words >= 2 || unit.text.length >= 8) &&
    !isBylineLine(unit.text) &&
    !(below !== undefined && isNamesLine(unit.text) && isDateLine(below.text)) &&
    // A quotation with "— Name, …" under it is a pull quote or a fact-check's claim, not the title.
    !(below !== undefined && QUOTED_LINE.test(unit.text) && ATTRIBUTION.test(below.text)) &&
    !isDateLine(unit.text) &&
    !isPhotoCredit(unit.text, unit.words) &&
    !LABELLED_MEDIA.test(unit.text)
  );
}

/**
 * A headline written as sentences ("Slogan says 'Meth. We're on it.' They just might be.") is told from
 * a paragraph by the date line straight under it; a standfirst so placed loses to the headline above it.
 */
function sentenceOverDate(unit: Unit, below: Unit | undefined): boolean {
  return (
    unit.words >= 4 &&
    unit.words <= MAX_SENTENCE_TITLE_WORDS &&
    unit.text.endsWith('.') &&
    below !== undefined &&
    isDateLine(below.text)
  );
}

/** Every word of four letters or more capitalised: how headlines are set, and standfirsts never are. */
function isTitleCase(text: string, minWords = 1): boolean {
  const words = text.split(' ').filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  return words.length >= minWords && words.every((w) => /^\p{Lu}/u.test(w));
}

/** A headline over a subtitle set the same way, in Title Case: the longer line above is the headline. */
function bothTitleCase(draft: Draft, a: number, b: number): boolean {
  const lines = [draft.units[a]?.text ?? '', draft.units[b]?.text ?? ''];
  return lines.every((text) => isTitleCase(text, MIN_TITLE_CASE_WORDS));
}

/** Some headlines end with a full stop ("Why You Shouldn't Worry."): short, capitalised, one sentence or two. */
function endsWithPeriodTitle(unit: Unit): boolean {
  if (unit.words < 4 || unit.words > 20 || !/[^.]\.$/u.test(unit.text)) return false;
  // Only in Title Case, which prose never is.
  return isTitleCase(unit.text);
}

/** Index of the first body line that is prose (not a caption or furniture); the end of the front matter. */
export function firstParagraphIndex(draft: Draft): number {
  const body = draft.body;
  if (body === null) return draft.units.length;
  for (let i = body.start; i < body.end; i++) {
    const unit = draft.units[i];
    if (unit !== undefined && unit.role === null && unit.sentence) return i;
  }
  return body.end;
}

/**
 * Lower-cased words of three letters or more (shorter ones only outside the Latin script, as in Korean).
 * A char-code loop: a regex split on Unicode classes cost a fifth of the extractor's time.
 */
function contentWords(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const word = i < lower.length && isWordCode(lower.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      if (i - start >= 3 || lower.charCodeAt(start) > 0x24f) out.push(lower.slice(start, i));
      start = -1;
    }
  }
  return out;
}

/** Word counts over the first part of the body: how often the story uses each word. */
function bodyVocabulary(draft: Draft, from: number): Map<string, number> {
  const words = new Map<string, number>();
  let count = 0;
  const end = draft.body?.end ?? draft.units.length;
  for (let i = from; i < end && count < BODY_SAMPLE_WORDS; i++) {
    const unit = draft.units[i];
    // Prose only: widget lines repeated inside the body ("Media playback is unsupported") would
    // otherwise make themselves look like the story's title.
    if (unit === undefined || unit.role === 'removed' || !unit.sentence) continue;
    for (const w of contentWords(unit.text)) {
      words.set(w, (words.get(w) ?? 0) + 1);
      count++;
    }
  }
  return words;
}

/**
 * How much of a line's vocabulary the story uses. Words the body repeats very often ("the", "and" in any
 * language) weigh less than distinctive ones, and the sum is shrunk towards zero for lines of few words,
 * so a menu label that shares its one word with the story does not look like its title.
 */
function vocabularyScore(words: readonly string[], vocabulary: ReadonlyMap<string, number>): number {
  let matched = 0;
  let total = 0;
  for (const w of words) {
    const uses = vocabulary.get(w) ?? 0;
    const weight = 1 / (1 + Math.max(0, uses - 3) / 4);
    total += weight;
    if (uses > 0) matched += weight;
  }
  return matched / (total + VOCABULARY_PRIOR);
}

/** Headlines mostly run 5 to 16 words; standfirsts and captions run longer. */
function lengthScore(words: number): number {
  if (words <= 2) return 0;
  if (words === 3) return 0.3;
  if (words === 4) return 0.6;
  if (words <= 16) return 1;
  return words <= 22 ? 0.6 : 0.2;
}

/** ALL CAPS in a cased script: a section label or kicker ("GROWING AN ONLINE BUSINESS"), not a headline. */
function isAllCaps(text: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

export interface HeadlineCandidate {
  readonly index: number;
  readonly score: number;
  readonly words: number;
  /** Share of the line's vocabulary the story uses (see vocabularyScore). */
  readonly vocabulary: number;
  /** Non-furniture lines between the candidate and the first paragraph, plus one. */
  readonly distance: number;
}

/** Every headline candidate above the body with its score, nearest the body first. */
export function rankHeadlineCandidates(draft: Draft): HeadlineCandidate[] {
  const limit = firstParagraphIndex(draft);
  const vocabulary = bodyVocabulary(draft, limit);
  // Lines printed twice, compared lower-cased: one map for the page, built once.
  const printed = new Map<string, number>();
  for (const u of draft.units) {
    if (u.words < 4 || u.words > MAX_HEADLINE_WORDS) continue;
    const key = u.text.toLowerCase();
    printed.set(key, (printed.get(key) ?? 0) + 1);
  }
  const slugs = pageSlugs(draft);
  const scored: HeadlineCandidate[] = [];
  let distance = 0;
  for (let i = limit - 1; i >= 0 && distance <= MAX_DISTANCE; i--) {
    const unit = draft.units[i];
    if (unit === undefined || unit.role === 'removed') continue;
    distance++;
    if (!isCandidate(unit, previousKept(draft, i), nextKept(draft, i))) continue;
    const claimsMeta = metaFollows(draft, i, limit);
    const repeated = unit.words >= 4 && (printed.get(unit.text.toLowerCase()) ?? 0) > 1;
    const shared = vocabularyScore(contentWords(unit.text), vocabulary);
    const score =
      WEIGHT.vocabulary * shared +
      WEIGHT.length * lengthScore(unit.words) +
      WEIGHT.nearness / (1 + (distance - 1) / 20) +
      (repeated ? WEIGHT.repeated : 0) +
      (isAllCaps(unit.text) ? WEIGHT.allCaps : 0) +
      (unit.sentence ? WEIGHT.sentence : 0) +
      (unit.spacing === 'isolated' ? WEIGHT.isolated : unit.blankAfter ? WEIGHT.blockEnd : 0) +
      (claimsMeta && (unit.words >= MIN_META_CLAIM_WORDS || startsBlock(draft, i)) ? WEIGHT.metaBelow : 0) +
      (isGluedLinks(unit.text, unit.words) ? WEIGHT.gluedLinks : 0) +
      (/\p{Ll}[.!?] \p{Lu}/u.test(unit.text) ? WEIGHT.twoSentences : 0) +
      (slugs.length > 0 && spelledBySlug(unit.text, slugs) ? WEIGHT.slug : 0);
    scored.push({ index: i, score, words: unit.words, vocabulary: shared, distance });
  }
  return markBreadcrumbsAndLabels(draft, scored);
}

/**
 * Two page-level checks on the candidates. A breadcrumb ends with the title it leads to ("Home Holidays
 * Homemade Spiced Honey Pear Jam…"); a short line printed again elsewhere or named in a removed footer
 * ("The GiveWell Blog", "© 2019 The Wall Street Journal") is the site's or a section's name.
 */
function markBreadcrumbsAndLabels(draft: Draft, scored: HeadlineCandidate[]): HeadlineCandidate[] {
  const lower = scored.map((c) => draft.units[c.index]?.text.toLowerCase() ?? '');
  const removedText = draft.units
    .filter((u) => u.role === 'removed')
    .map((u) => u.text.toLowerCase())
    .join('\n');
  const candidateAt = new Set(scored.map((c) => c.index));
  const seen = new Map<string, number>();
  for (const u of draft.units)
    if (u.words <= SHORT_LABEL_WORDS) seen.set(u.text.toLowerCase(), (seen.get(u.text.toLowerCase()) ?? 0) + 1);
  return scored.map((c, k) => {
    const text = lower[k] ?? '';
    const breadcrumb = lower.some(
      (other, j) => j !== k && other.length >= 12 && other.length < text.length && text.endsWith(other),
    );
    const label = c.words <= SHORT_LABEL_WORDS && ((seen.get(text) ?? 0) > 1 || removedText.includes(text));
    const penalty =
      (breadcrumb ? WEIGHT.breadcrumb : 0) +
      (label ? WEIGHT.label : 0) +
      (isMiddleCrumb(draft, c.index, candidateAt) ? WEIGHT.crumb : 0);
    return penalty === 0 ? c : { ...c, score: c.score + penalty };
  });
}

/** The first link of a breadcrumb trail printed one link a line. */
const HOME_CRUMB = /^(home|startseite|inicio|início|accueil|home page)\s*[»>›/]?$/iu;

/**
 * A trail printed one link a line ("Home" / "The Example Blog" / "September open thread") ends with the
 * page's title: a title-like line right under "Home" with another candidate right under it is a section.
 */
function isMiddleCrumb(draft: Draft, index: number, candidateAt: ReadonlySet<number>): boolean {
  const above = previousKept(draft, index);
  if (above === undefined || !HOME_CRUMB.test(above.text)) return false;
  for (let i = index + 1; i < draft.units.length; i++) {
    const unit = draft.units[i];
    if (unit === undefined || unit.role === 'removed') continue;
    return candidateAt.has(i);
  }
  return false;
}

export function findHeadline(draft: Draft): Draft {
  const scored = rankHeadlineCandidates(draft);
  // `scored` runs from the body upwards; ties go to the line higher up.
  let bestAt = -1;
  scored.forEach((c, k) => {
    if (bestAt < 0 || c.score >= (scored[bestAt]?.score ?? -Infinity)) bestAt = k;
  });
  // The headline stands above its standfirst (and a caption may stand below both): while the candidate
  // just above scores nearly as well and only furniture lies between, move up to it.
  let k = bestAt;
  for (;;) {
    const current = scored[k];
    const above = scored[k + 1];
    if (
      current === undefined ||
      above === undefined ||
      above.score < current.score - ABOVE_MARGIN ||
      above.words < MIN_CLIMB_WORDS ||
      (above.words > current.words + ABOVE_LONGER && !bothTitleCase(draft, above.index, current.index)) ||
      !onlyFurnitureBetween(draft, above.index, current.index)
    )
      break;
    k++;
  }
  const best = scored[k]?.index ?? fallbackHeadline(draft);
  if (best < 0) return onlyLineAsHeadline(draft);
  const text = draft.units[best]?.text ?? '';
  const first = draft.units.findIndex((u) => sameLine(u.text, text));
  return { ...draft, headline: first >= 0 && first < best ? first : best };
}

/** Between two lines, nothing but furniture and at most two short lines (a kicker, a timestamp). */
function onlyFurnitureBetween(draft: Draft, from: number, to: number): boolean {
  let shortLines = 0;
  for (let i = from + 1; i < to; i++) {
    const unit = draft.units[i];
    if (unit === undefined) continue;
    // A date or byline between them belongs to the lower line: the one above is another story's teaser.
    if (unit.reason === TIMESTAMP_REASON || isBylineLine(unit.text) || isDateLine(unit.text)) return false;
    if (unit.role === 'removed' || unit.role === 'caption' || unit.role === 'credit') continue;
    if (unit.words <= 6 && !unit.sentence && ++shortLines <= 2) continue;
    return false;
  }
  return true;
}

function isMetaLine(unit: Unit): boolean {
  return unit.words <= 14 && (isBylineLine(unit.text, unit.words) || isDateLine(unit.text));
}

/** A blank line (or the top of the page) above the unit. */
function startsBlock(draft: Draft, index: number): boolean {
  const above = draft.units[index - 1];
  const unit = draft.units[index];
  return above === undefined || unit === undefined || unit.line > above.line + 1;
}

/** The nearest line above `index` that is not removed furniture. */
function previousKept(draft: Draft, index: number): Unit | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const unit = draft.units[i];
    if (unit !== undefined && unit.role !== 'removed') return unit;
  }
  return undefined;
}

function nextKept(draft: Draft, index: number): Unit | undefined {
  for (let i = index + 1; i < draft.units.length; i++) {
    const unit = draft.units[i];
    if (unit !== undefined && unit.role !== 'removed') return unit;
  }
  return undefined;
}

/**
 * Some copies include the page's own address on a line ("https://…/Nelson-s-OT-goal-lifts-Isles-14848099.php"):
 * the words of its last path segment spell the headline. Each slug is its words, folded.
 */
function pageSlugs(draft: Draft): string[] {
  const slugs: string[] = [];
  for (const unit of draft.units) {
    if (unit.words !== 1 || !/^https?:\/\/\S+$/.test(unit.text)) continue;
    const segment =
      unit.text
        .replace(/[?#].*$/, '')
        .replace(/\/+$/, '')
        .split('/')
        .pop() ?? '';
    const words = foldForComparison(segment.replace(/\.[a-z]{2,5}$/i, ''))
      .split(' ')
      .filter((w) => !/^\d+$/.test(w));
    if (words.length >= 3) slugs.push(words.join(' '));
  }
  return slugs;
}

function spelledBySlug(text: string, slugs: readonly string[]): boolean {
  const folded = foldForComparison(text).replace(/[^\p{L}\p{N} ]/gu, '');
  return slugs.some((slug) => folded === slug || (folded.length >= 12 && slug.startsWith(folded)));
}

/** How many lines below a candidate the story's byline or date line may stand. */
const META_REACH = 4;

/** A byline or date line follows within a few lines: the article's own header, under its title. */
function metaFollows(draft: Draft, index: number, limit: number): boolean {
  let seen = 0;
  for (let i = index + 1; i < limit && seen < META_REACH; i++) {
    const unit = draft.units[i];
    if (unit === undefined) continue;
    if (isMetaLine(unit)) return true;
    if (unit.role !== 'removed') seen++;
  }
  return false;
}

/**
 * Links copied without separators glue a lower-case letter to the next link's capital
 * ("HomeNewsBusinessMarkets", "Eco-FriendlyBabywearing"): breadcrumbs and tag lists, not titles.
 * Names like "McDonald" or "iPhone" glue once; a breadcrumb glues twice or more, and often for its length:
 * a long headline may name two products ("DualShock", "AirPods").
 */
function isGluedLinks(text: string, words: number): boolean {
  const glued = gluedLinks(text);
  return glued >= 2 && glued * GLUED_WORDS_PER_LINK >= words;
}

/** A breadcrumb has a glued link for every few words. */
const GLUED_WORDS_PER_LINK = 4;

function gluedLinks(text: string): number {
  return text.match(/\p{Ll}\p{Lu}\p{Ll}/gu)?.length ?? 0;
}

/**
 * A file of one short line is a headline with no body (an aggregator's or a feed's headline saved on its
 * own), even when the line looks like page furniture ("Watch: …", "… [Video]") or a date: leaving it out
 * would lose the file. A longer single line is prose, and its headline comes from the lede.
 */
function onlyLineAsHeadline(draft: Draft): Draft {
  const lines = draft.units.flatMap((u, i) => (u.words > 0 ? [i] : []));
  const at = lines[0];
  const unit = at === undefined ? undefined : draft.units[at];
  if (lines.length !== 1 || at === undefined || unit === undefined || unit.words > MAX_FALLBACK_WORDS) return draft;
  const units = draft.units.slice();
  units[at] = withRole(unit, 'headline');
  return { ...draft, units, headline: at };
}

/** A lede under a dateline is a sentence: it ends like one and is longer than a headline. */
const MIN_LEDE_WORDS = 12;

function isDatelineLede(unit: Unit): boolean {
  return unit.words >= MIN_LEDE_WORDS && /[.!?]["”’]?$/u.test(unit.text) && splitDateline(unit.text) !== null;
}

/** A fallback headline may be this long; a longer first line is prose, and the file has no headline. */
const MAX_FALLBACK_WORDS = 40;

/**
 * With nothing title-like above the body, the page's first line is the headline if it is short enough:
 * a one-line file ("Titanfall is great, but is it the console seller Microsoft hoped for?") or a
 * headline written as a sentence. Its body is whatever follows it.
 */
function fallbackHeadline(draft: Draft): number {
  const first = draft.units.findIndex((u) => u.role === null);
  const unit = draft.units[first];
  if (unit === undefined || unit.words > MAX_FALLBACK_WORDS || unit.text.length > 300) return -1;
  // Headlines start with a capital, a digit or a quotation mark, or are in a script without case; a name
  // written in camel case ("iPhone", "eBay") counts as a capital.
  if (!/^["'“‘«([]?(\p{Lu}|\p{N}|\p{Lo}|\p{Ll}{1,3}\p{Lu})/u.test(unit.text)) return -1;
  // "BRUSSELS — Ministers agreed on … islands." opens a story: it is the lede, and the headline comes
  // from it. A short line with a kicker ("MARKETS: Stocks rise") or a file's only line is a headline.
  if (isDatelineLede(unit) && draft.units.some((u, i) => i !== first && u.words > 0)) return -1;
  return first <= firstParagraphIndex(draft) ? first : -1;
}
