/**
 * Turns a finished Draft into the emitted Article: roles become typed blocks in reading order, removed
 * lines are kept with their reasons, and the metadata is read off the claimed lines.
 */
import { SCHEMA_VERSION, type Article, type Block, type RemovedLine } from '../../shared/article-schema.ts';
import { readingMinutes } from '../../shared/reading-time.ts';
import { articleId } from './article-id.ts';
import { bylineAfterDate, bylineName } from './byline-and-date-lines.ts';
import { splitDateline } from './dateline.ts';
import type { Draft, Unit } from './draft.ts';
import { ExtractionError } from './extraction-error.ts';
import { detectDirection, detectLanguage } from './language.ts';
import { outletFromCopyright, outletFromFileName } from './outlet.ts';
import { CUT_COPY_REASON, splitInlineCredit } from './mark-captions.ts';
import { creditName } from './photo-credit.ts';
import { BULLET } from './mark-front-matter.ts';
import { findDate } from './published-date.ts';
import { ledeHeadline } from './lede-headline.ts';

/**
 * A caption block: the caption's text without its label or inline credit, credited from its credit line
 * when it has one. An inline credit wins over a credit line printed above the caption (credit-first pages).
 */
function captionBlock(caption: Unit, creditLine: Unit | undefined, creditAbove: boolean): Block {
  const inline = splitInlineCredit(caption.text);
  const credit =
    creditLine === undefined || (creditAbove && inline.credit !== null) ? inline.credit : creditName(creditLine.text);
  return { type: 'caption', text: inline.text, credit: credit === '' ? null : credit, line: caption.line };
}

export function assembleArticle(draft: Draft, sourceFile: string): Article {
  const headlineUnit = draft.headline === null ? undefined : draft.units[draft.headline];

  const blocks: Block[] = [];
  const removed: RemovedLine[] = [];
  let standfirst: string | null = null;
  let byline: string | null = null;
  let published: string | null = null;
  let dateline: string | null = null;

  const units = draft.units;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (unit === undefined) continue;
    const next = units[i + 1];
    switch (unit.role) {
      case 'headline':
        break;
      case 'standfirst':
        standfirst = unit.text;
        break;
      case 'byline':
        byline = bylineName(unit.text);
        // "By Ana Ruiz | Updated 3 May 2024": the byline line may carry the date too.
        published ??= findDate(unit.text);
        break;
      case 'published':
        published = findDate(unit.text) ?? published;
        // "September 10, 2018 | by Catherine": a date line may carry the byline too.
        byline ??= bylineAfterDate(unit.text);
        break;
      case 'caption': {
        // The credit line follows the caption, past a gallery's shortened copy of it (which stays removed).
        const creditAt = units[i + 1]?.reason === CUT_COPY_REASON ? i + 2 : i + 1;
        const creditUnit = units[creditAt]?.role === 'credit' ? units[creditAt] : undefined;
        blocks.push(captionBlock(unit, creditUnit, false));
        if (creditUnit === undefined) break;
        const copy = units[i + 1];
        if (creditAt === i + 2 && copy !== undefined) {
          removed.push({ line: copy.line, text: copy.text, reason: CUT_COPY_REASON });
        }
        i = creditAt;
        break;
      }
      case 'credit': {
        // Credit-first pages ("Image copyright Getty Images" / "Image caption …"): the caption below takes it.
        const below = units[i + 1];
        if (below?.role === 'caption' && units[i + 2]?.role !== 'credit') {
          blocks.push(captionBlock(below, unit, true));
          i++;
          break;
        }
        removed.push({ line: unit.line, text: unit.text, reason: 'photo credit of an image with no caption' });
        break;
      }
      case 'highlight': {
        const last = blocks[blocks.length - 1];
        const item = unit.text.replace(BULLET, '');
        if (last?.type === 'highlights' && units[i - 1]?.role === 'highlight') last.items.push(item);
        else blocks.push({ type: 'highlights', items: [item], line: unit.line });
        break;
      }
      case 'paragraph': {
        let text = unit.text;
        if (dateline === null && !blocks.some((b) => b.type === 'paragraph')) {
          const split = splitDateline(text);
          if (split !== null) {
            dateline = split.place;
            text = split.rest;
          }
        }
        blocks.push({ type: 'paragraph', text, line: unit.line });
        break;
      }
      case 'subheading':
        blocks.push({ type: 'subheading', text: unit.text, line: unit.line });
        break;
      case 'quote': {
        const attribution = next?.role === 'attribution' ? next.text.replace(/^[—–-]{1,2}\s*/, '') : null;
        blocks.push({ type: 'quote', text: unit.text.replace(/^>\s+/, ''), attribution, line: unit.line });
        if (next?.role === 'attribution') i++;
        break;
      }
      case 'attribution':
        blocks.push({ type: 'paragraph', text: unit.text, line: unit.line });
        break;
      case 'removed':
      case null:
        removed.push({
          line: unit.line,
          text: unit.text,
          reason: unit.reason ?? 'not recognised as part of the article',
        });
        break;
    }
  }

  // A page copied without its headline gets one from its lede; with no paragraph either, it is not an article.
  const firstParagraph = blocks.find((b) => b.type === 'paragraph');
  const headline = headlineUnit?.text ?? (firstParagraph === undefined ? null : ledeHeadline(firstParagraph.text));
  if (headline === null) {
    throw new ExtractionError(
      draft.units[0]?.line ?? 1,
      'no headline found: no short title-like line above the story, and no paragraph to take one from',
    );
  }

  const prose = blocks
    .flatMap((b) => (b.type === 'paragraph' || b.type === 'subheading' || b.type === 'quote' ? [b.text] : []))
    .join('\n');
  const wordCount = units.reduce(
    (sum, u) => (u.role === 'paragraph' || u.role === 'subheading' || u.role === 'quote' ? sum + u.words : sum),
    0,
  );
  const outlet =
    outletFromFileName(sourceFile) ?? removed.map((r) => outletFromCopyright(r.text)).find((o) => o !== null) ?? null;

  return {
    schemaVersion: SCHEMA_VERSION,
    id: articleId(headline, sourceFile),
    sourceFile,
    headline,
    standfirst,
    byline,
    dateline,
    outlet,
    published,
    language: detectLanguage(`${headline}\n${prose}`),
    direction: detectDirection(`${headline}\n${prose}`),
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    blocks,
    removed,
  };
}
