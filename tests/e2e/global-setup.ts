/**
 * Builds the bundled articles once and serves them on a free port; tests read the address with
 * `inject('baseURL')`.
 */
import type { TestProject } from 'vitest/node';
import { buildAndServe, BUNDLED_ARTICLES } from './site-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    siteDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await buildAndServe(BUNDLED_ARTICLES);
  project.provide('baseURL', site.url);
  project.provide('siteDir', site.dir);
  return () => site.close();
}
