/**
 * Which outlet published the copy, when the input tells: a file named after the site it came from
 * ("bbc.com-70cb2d5b.txt"), or a copyright line the page printed ("© 2025 The Daily Star").
 */
import { basename } from 'node:path';

const HOST_PREFIX = /^((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[-_.]|$)/i;
const COPYRIGHT =
  /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?([\p{Lu}][\p{L}\p{N}&.' -]{1,50}?)\.?(?:\s+all rights reserved.*)?$/iu;

export function outletFromFileName(file: string): string | null {
  const stem = basename(file).replace(/\.txt$/i, '');
  const host = HOST_PREFIX.exec(stem)?.[1];
  if (host === undefined) return null;
  return host.toLowerCase().replace(/^www\./, '');
}

export function outletFromCopyright(line: string): string | null {
  const name = COPYRIGHT.exec(line)?.[1]?.trim();
  if (name === undefined || name.split(/\s+/).length > 6) return null;
  return name;
}
