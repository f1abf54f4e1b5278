/**
 * First pass: lines that are page furniture by their wording alone (rules in boilerplate-rules.ts).
 * It runs before the body search so that furniture lowers a run's score and section headings wall it.
 *
 * A heading-like label inside a share bar ("Facebook / Twitter / Comments / Print") is a button, not
 * the start of a section: a wall whose neighbour is a button label is downgraded to a plain label.
 */
import {
  AUTHOR_BOX_REASON,
  LINK_HEADING_REASON,
  LINK_LABEL_REASON,
  matchBoilerplate,
  PROMPT_REASON,
  CALL_TO_ACTION_REASON,
  LINKED_STORY_REASON,
  WIDGET_LABEL_REASON,
} from './boilerplate-rules.ts';
import { withRole, withWall, type Draft, type Unit } from './draft.ts';

export function markFurniture(draft: Draft): Draft {
  const units: Unit[] = draft.units.map((unit) => {
    if (unit.role !== null) return unit;
    if (unit.words >= MIN_TICKER_WORDS && isTeaserTicker(unit.text)) return withRole(unit, 'removed', TICKER_REASON);
    const rule = matchBoilerplate(unit.text, unit.words);
    if (rule === null) return unit;
    return withRole(unit, 'removed', rule.reason, rule.strength === 'line' ? null : rule.strength);
  });
  const isButton = (u: Unit | undefined): boolean => u?.reason === WIDGET_LABEL_REASON;
  const settled = units.map((unit, i) =>
    unit.wall !== null && (isButton(units[i - 1]) || isButton(units[i + 1])) ? withWall(unit, null) : unit,
  );
  return {
    ...draft,
    units: removeDoubledTitles(
      removeCapitalTeasers(markAuthorCards(removeButtonPrompts(removeLabelledLinks(settled)))),
    ),
  };
}

const TICKER_REASON = 'teasers cut short and run together (a news ticker)';
/** A cut-off teaser's end and the next one's start: "… may soon... Indian-origin man pleads …". */
const CUT_THEN_CAPITAL = /(?:\.\.\.|…)\s+\p{Lu}/gu;
/** Prose uses an ellipsis now and then; a ticker cuts every teaser short. */
const MIN_TICKER_CUTS = 4;
/** Four teasers' openings make a long line. */
const MIN_TICKER_WORDS = 40;

/**
 * A "Breaking News" ticker copies as one long line: headline, place, the teaser's opening cut off with
 * "...", the next headline, and so on.
 */
function isTeaserTicker(text: string): boolean {
  if (!text.includes('...') && !text.includes('…')) return false;
  let cuts = 0;
  CUT_THEN_CAPITAL.lastIndex = 0;
  while (CUT_THEN_CAPITAL.exec(text) !== null) if (++cuts >= MIN_TICKER_CUTS) return true;
  return false;
}

/** Eight words or more, at least ten capitals, no lower-case letter, not a byline or date, not a question. */
const CAPITAL_TEASER =
  /^(?!(?:by|published|updated|posted)\b)(?=(?:\S+\s+){7}\S)(?=(?:[^\p{Lu}]*\p{Lu}){10})[^\p{Ll}]*[^\p{Ll}?:]$/u;

/**
 * A headline-length line in capitals between two paragraphs, blank lines around it, is a teaser for another
 * story ("CO-FOUNDER 'PROUD' OF HOME DEPOT EMPLOYEES …"); a subheading is shorter or asks a question. A
 * headline in capitals has navigation above it, not a paragraph, so it is not taken.
 */
function removeCapitalTeasers(units: Unit[]): Unit[] {
  for (let i = 1; i < units.length; i++) {
    const unit = units[i] as Unit;
    if (unit.role !== null || unit.spacing !== 'isolated' || unit.words < 8 || unit.words > MAX_LINK_WORDS) continue;
    if (units[i - 1]?.sentence !== true || !CAPITAL_TEASER.test(unit.text)) continue;
    units[i] = withRole(unit, 'removed', LINKED_STORY_REASON);
  }
  return units;
}

const PROMOTION_REASON = 'promotion above its button';
/** The pitch above a sign-up button is never longer than this. */
const MAX_PROMPT_WORDS = 30;
/** Shorter lines above a button are menu items ("Events" / "Subscribe"), not a pitch. */
const MIN_PROMPT_WORDS = 5;

/**
 * The line set tight above a sign-up or subscribe button is its pitch ("Let our news meet your inbox. …" /
 * "Sign Up"), whatever its wording: news pages drop such forms between paragraphs. So is the banner set
 * tight above a "Learn More" button.
 */
function removeButtonPrompts(units: Unit[]): Unit[] {
  for (let i = 1; i < units.length; i++) {
    const button = units[i];
    const pitch = units[i - 1];
    const reason = button?.reason;
    if (reason !== PROMPT_REASON && reason !== CALL_TO_ACTION_REASON) continue;
    if (button === undefined || button.words > 3 || pitch === undefined || pitch.role !== null) continue;
    if (pitch.line + 1 === button.line && pitch.words >= MIN_PROMPT_WORDS && pitch.words <= MAX_PROMPT_WORDS) {
      units[i - 1] = withRole(pitch, 'removed', reason === PROMPT_REASON ? PROMPT_REASON : PROMOTION_REASON);
    }
  }
  return units;
}

/** A name on its own line: two to four capitalised words. */
const NAME_LINE = /^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]*){1,3}$/u;
/** The one-line bio under it: "Phil Helsel is a reporter for NBC News." */
const STAFF_BIO =
  /\b(?:is|was|has been)\b.{0,80}\b(?:reporter|writer|editor|correspondent|journalist|contributor|columnist|author|producer|freelancer?|blogger)\b/iu;
const MAX_BIO_WORDS = 60;

/**
 * An author card after the story: the writer's name, then a short bio that starts with the name and says
 * what they do. The name line becomes a wall, so the body ends above the card.
 */
function markAuthorCards(units: Unit[]): Unit[] {
  for (let i = 0; i + 1 < units.length; i++) {
    const name = units[i];
    const bio = units[i + 1];
    if (name === undefined || bio === undefined || name.role !== null || name.words > 4 || !bio.sentence) continue;
    if (bio.words > MAX_BIO_WORDS || !bio.text.startsWith(`${name.text} `) || !NAME_LINE.test(name.text)) continue;
    if (STAFF_BIO.test(bio.text)) units[i] = withRole(name, 'removed', AUTHOR_BOX_REASON, 'section');
  }
  return units;
}

/** A link's title: a line, not a sentence, of a headline's length. */
const MAX_LINK_WORDS = 20;

/** Prose words on the page above a link-list heading before its tight lines count as links (not a headline). */
const PROSE_BEFORE_LINKS = 15;

/**
 * Titles set tight under a "Related" or "More:" label, or a "Related articles" heading, with no blank line
 * between, are its links: news pages drop such boxes between paragraphs, and their titles would otherwise
 * read as subheadings or highlights. A label must break the prose (a blank line under a sentence, or another
 * box); a heading must come after some prose, since a navigation box may sit right above the headline.
 * The run ends at the first blank line; under a heading, one-word labels between the titles ("Warning",
 * "Video") are part of it.
 */
function removeLabelledLinks(units: Unit[]): Unit[] {
  let proseSeen = false;
  for (let i = 0; i < units.length; i++) {
    const label = units[i] as Unit;
    const before = units[i - 1];
    const heading = label.reason === LINK_HEADING_REASON && proseSeen;
    proseSeen ||= label.sentence && label.words >= PROSE_BEFORE_LINKS;
    if (!heading) {
      if (label.reason !== LINK_LABEL_REASON || before === undefined) continue;
      if (!before.sentence && before.reason !== LINKED_STORY_REASON) continue;
      if (label.line === before.line + 1) continue;
    }
    for (let j = i + 1; j < units.length; j++) {
      const link = units[j];
      const above = units[j - 1];
      if (link === undefined || above === undefined || link.line !== above.line + 1) break;
      if (link.role !== null || link.words > MAX_LINK_WORDS || (link.words < 2 && !heading)) break;
      if (link.sentence && !heading) break;
      units[j] = withRole(link, 'removed', LINKED_STORY_REASON);
    }
  }
  return units;
}

/**
 * A teaser card between paragraphs copies as its title twice (the image's link and the heading's), each
 * perhaps under the same short section label ("Business"), and a one-line summary set tight under them.
 * Only after a paragraph: a headline printed twice opens the page; and only with the summary: a gallery's
 * credit printed twice has none.
 */
const MAX_SUMMARY_WORDS = 60;
const MAX_KICKER_WORDS = 3;

function removeDoubledTitles(units: Unit[]): Unit[] {
  for (let i = 1; i + 1 < units.length; i++) {
    const title = units[i] as Unit;
    if (title.role !== null || title.sentence || title.words < 4) continue;
    const kicker = units[i - 1] as Unit;
    const labelled =
      kicker.words <= MAX_KICKER_WORDS && units[i + 1]?.text === kicker.text && units[i + 2]?.text === title.text;
    if (!labelled && units[i + 1]?.text !== title.text) continue;
    const first = labelled ? i - 1 : i;
    const last = labelled ? i + 3 : i + 2;
    if (units[first - 1]?.sentence !== true) continue;
    let tight = true;
    for (let k = first + 1; k <= last; k++) tight &&= units[k]?.line === (units[k - 1]?.line ?? 0) + 1;
    const summary = units[last];
    if (!tight || summary === undefined || summary.role !== null || !summary.sentence) continue;
    if (summary.words > MAX_SUMMARY_WORDS) continue;
    for (let k = first; k < last; k++) {
      const unit = units[k] as Unit;
      if (unit.role === null) units[k] = withRole(unit, 'removed', LINKED_STORY_REASON);
    }
    units[last] = withRole(summary, 'removed', 'summary of a linked story');
  }
  return units;
}
