/**
 * The link-preview card of an article as a satori element tree (plain objects, no React): the outlet,
 * the headline and the site name on a 1200×630 canvas. Pure, so it is tested without rendering.
 */
import { PREVIEW_IMAGE_SIZE, SITE_NAME } from '../../../shared/site-paths.ts';
import { clipText } from '../share/html-text.ts';

export interface CardText {
  readonly headline: string;
  readonly outlet: string | null;
  /** Already formatted for people ("11 March 2025"), or null. */
  readonly date: string | null;
}

/** The element shape satori reads: what JSX would produce, written out. */
export interface CardNode {
  readonly type: string;
  readonly props: { readonly style?: Readonly<Record<string, string | number>>; readonly children?: CardChild };
}
type CardChild = string | CardNode | readonly CardNode[];

/** Scripts the shipped fonts draw and satori lays out correctly (no complex shaping, left to right). */
const DRAWABLE = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}]*$/u;
/** Emoji and pictographs have no glyphs in the card fonts; they are dropped rather than drawn as boxes. */
const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu;

export function drawable(text: string): boolean {
  return DRAWABLE.test(text);
}

function cardText(text: string | null): string | null {
  if (text === null) return null;
  const clean = text.replace(PICTOGRAPHS, '').replace(/\s+/g, ' ').trim();
  return clean.length > 0 && drawable(clean) ? clean : null;
}

/** Longer headlines get smaller type so that most fit in five lines; the rest are clamped. */
/** At the smallest size, five lines hold about this many characters. */
const MAX_HEADLINE = 200;

export function headlineSize(headline: string): number {
  const n = headline.length;
  if (n <= 50) return 76;
  if (n <= 90) return 64;
  if (n <= 140) return 54;
  return 46;
}

const PAD_X = 72;
const PAD_TOP = 56;
const PAD_BOTTOM = 48;
const BAR = 16;
const INK = '#1b1b1b';
const PAPER = '#fbfaf6';
const ACCENT = '#9b1c1c';
const MUTED = '#5c5c5c';

export function previewCard(card: CardText): CardNode {
  const headline = cardText(card.headline);
  const outlet = cardText(card.outlet);
  const date = cardText(card.date);
  const footer = [SITE_NAME, date].filter((x): x is string => x !== null).join(' · ');
  return {
    type: 'div',
    props: {
      style: {
        // Satori adds padding and borders to the size given (content-box), so the size is what is left.
        width: PREVIEW_IMAGE_SIZE.width - 2 * PAD_X,
        height: PREVIEW_IMAGE_SIZE.height - PAD_TOP - PAD_BOTTOM - BAR,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        paddingTop: PAD_TOP,
        paddingBottom: PAD_BOTTOM,
        paddingLeft: PAD_X,
        paddingRight: PAD_X,
        backgroundColor: PAPER,
        color: INK,
        fontFamily: FONT_FAMILY,
        borderTopWidth: BAR,
        borderTopColor: ACCENT,
        borderTopStyle: 'solid',
      },
      children: [
        {
          type: 'div',
          props: {
            style: {
              display: 'flex',
              fontSize: 30,
              fontWeight: 700,
              color: ACCENT,
              letterSpacing: 3,
              textTransform: 'uppercase',
            },
            children: outlet ?? 'News',
          },
        },
        {
          type: 'div',
          props: {
            style: {
              display: 'flex',
              fontSize: headline === null ? 64 : headlineSize(headline),
              fontWeight: 700,
              lineHeight: 1.12,
            },
            // A headline in a script the card cannot draw is left to the image's alt text.
            children: headline === null ? SITE_NAME : clipText(headline, MAX_HEADLINE),
          },
        },
        {
          type: 'div',
          props: {
            style: { display: 'flex', fontSize: 28, color: MUTED },
            children: footer,
          },
        },
      ],
    },
  };
}

/** Font subsets shipped with @fontsource/noto-sans, in fallback order. */
export const FONT_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext'] as const;
export const FONT_FAMILY = FONT_SUBSETS.map((s) => `Noto Sans ${s}`).join(', ');
