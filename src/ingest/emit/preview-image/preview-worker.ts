/** Worker thread: renders the preview cards it is sent and writes each PNG to its paths. */
import { writeFile } from 'node:fs/promises';
import { serveBatches } from '../../worker-pool.ts';
import { renderPreviewPng } from './render-preview.ts';
import type { PreviewTask } from './write-preview-images.ts';

serveBatches('preview-worker.ts', async (task: PreviewTask) => {
  const png = await renderPreviewPng(task.card);
  await Promise.all(task.paths.map((path) => writeFile(path, png)));
  return true;
});
