/** How a copy is named to the reader: its outlet, or failing that, its source file (never blank). */
import type { ArticleRef } from './article-schema.ts';

const MAX_STEM = 16;

export function outletLabel(ref: Pick<ArticleRef, 'outlet' | 'sourceFile'>): string {
  if (ref.outlet !== null) return ref.outlet;
  const stem = ref.sourceFile.replace(/\.txt$/i, '');
  return stem.length > MAX_STEM ? `${stem.slice(0, MAX_STEM)}…` : stem;
}
