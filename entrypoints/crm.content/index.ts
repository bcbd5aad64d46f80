import { browser } from 'wxt/browser';
import { contentScriptMatches } from '@/lib/extract/patterns';
import { startExtraction } from '@/lib/extract/run';

export default defineContentScript({
  matches: contentScriptMatches,
  runAt: 'document_idle',
  main(ctx) {
    startExtraction({
      signal: ctx.signal,
      onContext(context) {
        // The background validates this message; nothing here leaves the browser.
        browser.runtime.sendMessage({ type: 'context/extracted', payload: { context } }).catch(() => {
          // The extension was reloaded or the worker is starting: the next change sends again.
        });
      },
    });
  },
});
