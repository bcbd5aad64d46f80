/**
 * Parses list files off the page's main thread, so the progress bar moves while a 15,000-entry
 * list is read. Wiring only: the parsing is lib/lists.
 */
import { z } from 'zod';
import { type ImportOptions, importFiles, type ListFile } from '@/lib/lists';

z.config({ jitless: true });

export interface ImportRequest {
  files: ListFile[];
  options: Omit<ImportOptions, 'onProgress'>;
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { files, options } = event.data;
  const result = importFiles(files, {
    ...options,
    onProgress: (fraction) => self.postMessage({ type: 'progress', fraction }),
  });
  self.postMessage({ type: 'done', result });
};
