import { browser } from 'wxt/browser';
import { setShadowRootResolver } from '@/lib/extract/dom';
import { contentScriptMatches } from '@/lib/extract/patterns';
import { startExtraction } from '@/lib/extract/run';

export default defineContentScript({
  matches: contentScriptMatches,
  runAt: 'document_idle',
  main(ctx) {
    // Some CRM components use closed shadow roots; extensions may read them through chrome.dom.
    const dom = (
      globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null } } }
    ).chrome?.dom;
    // Asked only for custom elements (tag with a hyphen), which is where CRM components put closed roots: the API
    // call costs ~10 µs, and the shadow index asks every element of the page once (300 ms on a 50,000-node page).
    if (dom?.openOrClosedShadowRoot)
      setShadowRootResolver(
        (el) => el.shadowRoot ?? (el.localName.includes('-') ? dom.openOrClosedShadowRoot!(el) : null),
      );
    startExtraction({
      signal: ctx.signal,
      // Injected while the CRM may still be rendering: the first extraction waits for idle time, and its scan of
      // the page for shadow roots is sliced, so no task of ours blocks the page for long.
      start: 'idle',
      onContext(context) {
        // The background validates this message; nothing here leaves the browser.
        browser.runtime.sendMessage({ type: 'context/extracted', payload: { context } }).catch(() => {
          // The extension was reloaded or the worker is starting: the next change sends again.
        });
      },
    });
  },
});
