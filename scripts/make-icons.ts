/**
 * Draws the app icons (public/icons/*.png) from the Broadsheet "B" with the shipped Noto Sans: run it
 * after changing the design (`npx tsx scripts/make-icons.ts`); the PNGs are committed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');
const font = await readFile(join(fontDir, 'noto-sans-latin-700-normal.woff'));

async function icon(size: number, maskable: boolean): Promise<Uint8Array> {
  // Maskable icons keep the letter inside the central 80% safe zone and fill the whole square.
  const element = {
    type: 'div',
    props: {
      style: {
        width: size,
        height: size,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        backgroundColor: '#1b1b1b',
        borderRadius: maskable ? 0 : size * 0.19,
        color: '#fbfaf7',
        fontFamily: 'Noto Sans',
        fontWeight: 700,
        fontSize: size * (maskable ? 0.5 : 0.66),
      },
      children: 'B',
    },
  };
  const svg = await satori(element as unknown as Parameters<typeof satori>[0], {
    width: size,
    height: size,
    fonts: [{ name: 'Noto Sans', data: font, weight: 700, style: 'normal' }],
  });
  return new Resvg(svg).render().asPng();
}

const out = join(ROOT, 'public', 'icons');
await mkdir(out, { recursive: true });
await writeFile(join(out, 'icon-192.png'), await icon(192, false));
await writeFile(join(out, 'icon-512.png'), await icon(512, false));
await writeFile(join(out, 'icon-maskable-512.png'), await icon(512, true));
await writeFile(join(out, 'apple-touch-icon-180.png'), await icon(180, true));
console.log(`icons written to ${out}`);
