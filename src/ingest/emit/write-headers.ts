/**
 * `_headers`: the response headers for static hosts that read this file (Netlify, Cloudflare Pages and
 * others), so the policy holds in HTTP as well as in each page's meta tag.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SECURITY_HEADERS } from '../../shared/security-policy.ts';

export function headersFile(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return `/*\n${lines.join('\n')}\n`;
}

export async function writeHeaders(outDir: string): Promise<void> {
  await writeFile(join(outDir, '_headers'), headersFile());
}
