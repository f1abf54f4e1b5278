/** Draws a preview card to PNG: satori lays it out as SVG, resvg rasterises it. Fonts ship with the project. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import { PREVIEW_IMAGE_SIZE } from '../../../shared/site-paths.ts';
import { FONT_SUBSETS, previewCard, type CardText } from './preview-card.ts';

let fonts: Promise<Font[]> | undefined;

async function loadFonts(): Promise<Font[]> {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');
  const weights = [400, 700] as const;
  return Promise.all(
    FONT_SUBSETS.flatMap((subset) =>
      weights.map(async (weight) => ({
        name: `Noto Sans ${subset}`,
        data: await readFile(join(dir, `noto-sans-${subset}-${weight}-normal.woff`)),
        weight,
        style: 'normal' as const,
      })),
    ),
  );
}

export async function renderPreviewPng(card: CardText): Promise<Uint8Array> {
  fonts ??= loadFonts();
  // satori's first parameter is typed as a React element; the card is the same shape as plain data.
  const element = previewCard(card) as unknown as Parameters<typeof satori>[0];
  const svg = await satori(element, { ...PREVIEW_IMAGE_SIZE, fonts: await fonts });
  return new Resvg(svg, { fitTo: { mode: 'width', value: PREVIEW_IMAGE_SIZE.width } }).render().asPng();
}
