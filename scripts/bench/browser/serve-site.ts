/** A built site served as `npm start` serves it (Vite's preview server: gzip, our 404 and redirects). */
import { preview } from 'vite';

export interface ServedSite {
  /** Origin without a trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

export async function serveSite(siteDir: string): Promise<ServedSite> {
  const server = await preview({
    logLevel: 'silent',
    build: { outDir: siteDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  return {
    url: (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, ''),
    close: () => server.close(),
  };
}
