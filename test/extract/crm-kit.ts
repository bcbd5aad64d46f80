/**
 * Shared by the per-CRM adapter tests: the check that each CRM's fixtures are generated from its src/ app
 * and up to date, and happy-dom pages that are closed after each test.
 * Regenerate a CRM's fixtures after editing its src/: UPDATE_FIXTURES=1 npx vitest run test/extract/<crm>.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';

interface PageSpec {
  file: string;
  about: string;
  records: string[];
}

function renderPage(dir: string, spec: PageSpec): string {
  const src = (f: string) => readFileSync(join(dir, 'src', f), 'utf8');
  const all = JSON.parse(src('records.json')) as { portal?: string; records: Record<string, unknown> };
  const data = { ...all, records: Object.fromEntries(spec.records.map((id) => [id, all.records[id]])) };
  // JSON inside <script type="application/json">: only "</" could end the element early.
  const json = JSON.stringify(data, null, 1).replace(/<\//g, '<\\/');
  return src('shell.html')
    .replace(/%PORTAL%/g, () => all.portal ?? '')
    .replace('%ABOUT%', () => spec.about.replace(/--/g, '–'))
    .replace('%RECORDS%', () => json)
    .replace('%APP%', () => src('app.js'));
}

export function checkFixtures(crm: string, dir: string): void {
  describe(`${crm} fixtures`, () => {
    it('are generated from src/ and up to date', () => {
      const pages = JSON.parse(readFileSync(join(dir, 'src', 'pages.json'), 'utf8')) as PageSpec[];
      for (const spec of pages) {
        const html = renderPage(dir, spec);
        const file = join(dir, spec.file);
        if (process.env.UPDATE_FIXTURES) writeFileSync(file, html);
        expect(readFileSync(file, 'utf8'), `${spec.file}: run with UPDATE_FIXTURES=1`).toBe(html);
      }
    });
  });
}

/** happy-dom pages for one test file, closed after each test along with any registered clean-ups. */
export function happyPages() {
  const windows: Window[] = [];
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
    for (const w of windows.splice(0)) await w.happyDOM.close();
  });
  function page(url: string, body: string): Document {
    const win = new Window({ url });
    windows.push(win);
    const doc = win.document as unknown as Document;
    doc.body.innerHTML = body;
    return doc;
  }
  return { page, cleanups };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(pred: () => boolean, timeout = 3000): Promise<void> {
  const end = Date.now() + timeout;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}
