/**
 * How the preview server (`npm start`) answers paths with no file, as static hosts do: a folder asked
 * for without its slash is redirected to it (`/article/<id>` → `/article/<id>/`), and anything else
 * gets the site's `404.html` with status 404, never the app shell with 200.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, resolve } from 'node:path';
import type { Plugin } from 'vite';

export function notFoundHandler(outDir: string, headers: Readonly<Record<string, string>> = {}) {
  const root = resolve(outDir);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const folder = join(root, normalize(path));
    // Vite has already rewritten page requests to their file ("/" → "/index.html"): those are served next.
    if (folder.startsWith(root) && isFile(folder)) return next();
    if (!path.endsWith('/') && folder.startsWith(root) && isFile(join(folder, 'index.html'))) {
      res.statusCode = 301;
      res.setHeader('Location', `${url.pathname}/${url.search}`);
      res.end();
      return;
    }
    const page = join(root, '404.html');
    res.statusCode = 404;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(req.method === 'HEAD' || !existsSync(page) ? undefined : readFileSync(page));
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function previewRoutes(): Plugin {
  return {
    name: 'broadsheet-preview-routes',
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      const headers = Object.fromEntries(
        Object.entries(server.config.preview.headers ?? {}).map(([name, value]) => [name, String(value)]),
      );
      // Returned hooks run after Vite's static file middleware: only unanswered requests reach this.
      return () => server.middlewares.use(notFoundHandler(outDir, headers));
    },
  };
}
