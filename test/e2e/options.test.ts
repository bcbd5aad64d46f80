/**
 * The options page in real Chromium with the built extension: imports of every list format, the
 * all-or-nothing rule, export and re-import, a subscription refreshed from a local server by its alarm,
 * a managed list shown read-only, batch screening of a CRM export, settings, and accessibility.
 *
 * What is simulated, and why:
 * - Enterprise policy: a test cannot push real policy. The extension reads the `managed:test` key of
 *   storage.local instead of storage.managed, and only because this is an unpacked development build
 *   (lib/storage/managed.ts). Everything downstream (options page, service worker) is the real code.
 * - The host-permission prompt: permissions.request opens Chrome's own dialog, which Playwright cannot
 *   click. The test replaces chrome.permissions.request in the options page with a stub that records the
 *   origins asked for and answers "allow", as the user would. The permission is then not really held,
 *   so the local list server sends CORS headers and the downloads work without it.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Harness, start } from './harness';

const FIX = resolve(import.meta.dirname, '../fixtures/lists-e2e');
const fx = (...p: string[]) => join(FIX, ...p);
const SHARED = resolve(import.meta.dirname, '../../../shared/data/restricted-parties/ofac');
const FULL_SDN = [
  join(SHARED, 'sdn-2024-05-03/sdn.csv'),
  join(SHARED, 'alt-add-2026-06/alt.csv'),
  join(SHARED, 'alt-add-2026-06/add.csv'),
];

let h: Harness;
let lists: { server: Server; port: number; body: string; status: number; hits: number };

before(async () => {
  h = await start();
  const state = { body: '', status: 200, hits: 0 };
  const server = createServer((_req, res) => {
    state.hits++;
    res.writeHead(state.status, {
      'content-type': 'text/csv; charset=utf-8',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    res.end(state.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  lists = Object.assign(state, { server, port: (server.address() as AddressInfo).port });
});

after(async () => {
  await new Promise((ok) => lists?.server.close(ok));
  await h?.stop();
});

beforeEach(async () => {
  await h.worker.evaluate(async () => {
    await chrome.storage.local.clear();
    await chrome.alarms.clearAll();
  });
});

async function openOptions(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.getByTestId('watchlist-import-input').waitFor();
  return page;
}

/** Choose files, wait for the preview; returns the summary text. */
async function chooseFiles(page: Page, files: string[]): Promise<string> {
  await page.getByTestId('watchlist-import-input').setInputFiles(files);
  const summary = page.locator('[data-testid="import-summary"][data-state="preview"]');
  await summary.waitFor({ timeout: 20000 });
  return summary.innerText();
}

async function accept(page: Page, name?: string): Promise<string> {
  if (name) await page.getByTestId('import-name').fill(name);
  await page.getByTestId('import-accept').click();
  const done = page.locator('[data-testid="import-summary"][data-state="done"]');
  await done.waitFor({ timeout: 20000 });
  return done.innerText();
}

function row(page: Page, name: string) {
  return page
    .getByTestId('watchlist')
    .filter({ has: page.getByTestId('watchlist-name').getByText(name, { exact: true }) });
}

interface StoredList {
  id: string;
  name: string;
  origin: string;
  asOf?: string;
  readOnly?: boolean;
  subscription?: { url: string; lastOk?: string; lastError?: string };
  entries: {
    id: string;
    names: string[];
    countries?: string[];
    type?: string;
    programs?: string[];
    notes?: string;
    url?: string;
  }[];
}

function storedLists(): Promise<StoredList[]> {
  return h.worker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const ids = ((all.lists as { data?: string[] } | undefined)?.data ?? []) as string[];
    // Big lists keep their entries packed under list-entries:<id> (lib/storage/lists.ts).
    return ids.map((id) => {
      const list = (all[`list:${id}`] as { data: { entries: unknown[] } }).data;
      const packed = all[`list-entries:${id}`] as { data: string } | undefined;
      return packed && list.entries.length === 0 ? { ...list, entries: JSON.parse(packed.data) } : list;
    }) as never;
  });
}

function lookup(
  page: Page,
  query: string,
): Promise<{ results: { title: string; match?: { listId: string } }[] }> {
  return page.evaluate((q) => chrome.runtime.sendMessage({ type: 'lookup', payload: { query: q } }), query);
}

test('imports OFAC SDN legacy CSV, CSL CSV and JSON, BIS Entity List and generic CSV/JSON; the screener uses them', async () => {
  const page = await openOptions();
  const cases: [string[], RegExp, number, string][] = [
    [[fx('ofac/sdn.csv'), fx('ofac/alt.csv'), fx('ofac/add.csv')], /OFAC SDN legacy CSV/, 3, 'OFAC SDN'],
    [[fx('csl.csv')], /Consolidated Screening List CSV/, 2, 'CSL (CSV)'],
    [[fx('csl.json')], /Consolidated Screening List JSON/, 2, 'CSL (JSON)'],
    [[fx('bis-entity.json')], /BIS Entity List JSON/, 2, 'BIS Entity List'],
    [[fx('generic.csv')], /CSV \(columns recognised by name\)/, 3, 'Spreadsheet'],
    [[fx('generic.json')], /JSON \(fields recognised by name\)/, 2, 'JSON list'],
  ];
  for (const [files, format, size, name] of cases) {
    const summary = await chooseFiles(page, files);
    assert.match(summary, format);
    assert.match(summary, new RegExp(`${size} entries`));
    assert.equal(await page.getByTestId('import-error').count(), 0, `no errors for ${name}`);
    assert.ok((await accept(page, name)).includes(`Imported ${size} entries into "${name}"`));
    await row(page, name).waitFor();
    assert.equal(await row(page, name).getAttribute('data-size'), String(size));
  }
  assert.equal(await page.getByTestId('watchlist').count(), cases.length);

  const stored = await storedLists();
  const sdn = stored.find((l) => l.name === 'OFAC SDN')!;
  assert.equal(sdn.origin, 'import:ofac-legacy-csv');
  assert.deepEqual(sdn.entries.find((e) => e.id === '9001')?.names, [
    'NOVATEK BORDER SYSTEMS',
    'NOVATEK BS',
    'NOVATEK GATEWAY SECURITY',
  ]);
  assert.deepEqual(sdn.entries.find((e) => e.id === '9002')?.countries, ['RU'], 'countries from add.csv');
  // An official list with no date of its own is dated by its import: not stale today.
  assert.equal(await row(page, 'OFAC SDN').getAttribute('data-stale'), 'false');

  // The service worker screens against the imported lists.
  const found = await lookup(page, 'Skyline Vision Technology');
  const csl = stored.find((l) => l.name === 'CSL (CSV)')!;
  assert.ok(
    found.results.some((r) => r.match?.listId === csl.id),
    `lookup results: ${JSON.stringify(found.results.map((r) => r.title))}`,
  );
  await page.close();
});

test('the generic CSV preview shows the column mapping, and a corrected mapping is what gets imported', async () => {
  const page = await openOptions();
  await chooseFiles(page, [fx('generic.csv')]);
  const link = page.locator('[data-testid="mapping-select"][data-column="Link"]');
  assert.equal(await link.inputValue(), 'url');
  assert.equal(
    await page.locator('[data-testid="mapping-select"][data-column="Party Name"]').inputValue(),
    'name',
  );
  await link.selectOption('');
  await page.locator('[data-testid="mapping-select"][data-column="Link"]').waitFor();
  await page.waitForFunction(
    () =>
      (
        document.querySelector(
          '[data-testid="mapping-select"][data-column="Link"]',
        ) as HTMLSelectElement | null
      )?.value === '',
  );
  await accept(page, 'Remapped');
  const [list] = await storedLists();
  assert.ok(list && list.entries.length === 3);
  assert.ok(
    list.entries.every((e) => e.url === undefined),
    'the ignored Link column was not imported',
  );
  await page.close();
});

test('a malformed file is rejected with its line numbers and the stored lists stay as they were', async () => {
  const page = await openOptions();
  await chooseFiles(page, [fx('csl.csv')]);
  await accept(page, 'Kept list');
  const before = await h.worker.evaluate(() => chrome.storage.local.get(null));

  for (const [file, lines] of [
    ['malformed-fields.csv', [3, 5]],
    ['malformed.csv', [4]],
  ] as const) {
    await chooseFiles(page, [fx(file)]);
    const error = page.getByTestId('import-error');
    await error.waitFor();
    const text = await error.innerText();
    for (const line of lines) assert.match(text, new RegExp(`line ${line}: malformed row`), text);
    assert.match(text, /nothing was imported and your lists are unchanged/i);
    assert.equal(await page.getByTestId('import-accept').isDisabled(), true, 'accept is disabled');
    await page.getByTestId('import-cancel').click();
  }
  const afterwards = await h.worker.evaluate(() => chrome.storage.local.get(null));
  assert.deepEqual(afterwards, before);
  // The page may be re-reading its lists after a storage event: wait for it to settle on the kept list.
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="watchlist"]').length === 1,
    null,
    {
      timeout: 5000,
    },
  );
  assert.equal(await page.getByTestId('watchlist').count(), 1);
  await page.close();
});

test('a list exported as CSV and as JSON re-imports to the same list', async () => {
  const page = await openOptions();
  await chooseFiles(page, [fx('ofac/sdn.csv'), fx('ofac/alt.csv'), fx('ofac/add.csv')]);
  await accept(page, 'SDN sample');
  const [original] = await storedLists();
  assert.ok(original);
  const strip = (l: StoredList) =>
    l.entries.map(({ id, names, countries, type, programs, notes, url }) => ({
      id,
      names,
      countries,
      type,
      programs,
      notes,
      url,
    }));

  for (const format of ['CSV', 'JSON'] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row(page, 'SDN sample')
        .getByRole('button', { name: `Export ${format} of SDN sample` })
        .click(),
    ]);
    const path = await download.path();
    assert.match(
      download.suggestedFilename(),
      format === 'CSV' ? /^sdn-sample-.*\.csv$/ : /^sdn-sample-.*\.json$/,
    );
    const renamed = join(resolve(path, '..'), download.suggestedFilename());
    await download.saveAs(renamed);
    await chooseFiles(page, [renamed]);
    // The JSON export carries the list's own name; the CSV one is named here.
    await accept(page, format === 'CSV' ? `Round trip ${format}` : undefined);
    const again: StoredList | undefined = (await storedLists()).find(
      (l) => l.name === (format === 'JSON' ? 'SDN sample' : `Round trip ${format}`) && l.id !== original.id,
    );
    assert.ok(again, `re-imported ${format} list`);
    assert.deepEqual(strip(again), strip(original), `${format} round trip keeps every entry`);
    if (format === 'JSON')
      assert.equal(again.origin, original.origin, 'the JSON export keeps the list origin');
  }
  await page.close();
});

test('a subscribed list is downloaded, refreshed by its alarm, and keeps its last good copy when a download is malformed', async () => {
  const page = await openOptions();
  await page.evaluate(() => {
    const w = window as unknown as { requested: unknown[] };
    w.requested = [];
    // Chrome's permission prompt is native UI a test cannot click: answer "allow" as the user would.
    chrome.permissions.request = (async (p: chrome.permissions.Permissions) => {
      w.requested.push(p);
      return true;
    }) as typeof chrome.permissions.request;
  });
  const csl = readFileSync(fx('csl.csv'), 'utf8');
  lists.body = csl;
  lists.status = 200;
  const url = `http://127.0.0.1:${lists.port}/consolidated.csv`;
  await page.getByTestId('subscribe-name').fill('Followed CSL');
  await page.getByTestId('subscribe-url').fill(url);
  await page.getByTestId('subscribe-format').selectOption('csl-csv');
  await page.getByTestId('subscribe-submit').click();
  const message = page.getByTestId('subscribe-message');
  await message.waitFor();
  assert.match(await message.innerText(), /Following .*: 2 entries/);
  assert.deepEqual(await page.evaluate(() => (window as unknown as { requested: unknown[] }).requested), [
    { origins: ['http://127.0.0.1/*'] },
  ]);
  const followed = row(page, 'Followed CSL');
  await followed.waitFor();
  assert.equal(await followed.getAttribute('data-size'), '2');
  const [list] = await storedLists();
  assert.ok(list?.subscription?.lastOk);

  // The background keeps one alarm for it.
  const alarmName = `sub:${list.id}`;
  const waitForAlarm = async () => {
    for (let i = 0; i < 50; i++) {
      const alarm = await h.worker.evaluate((n) => chrome.alarms.get(n), alarmName);
      if (alarm?.periodInMinutes) return alarm;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    return undefined;
  };
  assert.equal((await waitForAlarm())?.periodInMinutes, 24 * 60);

  // The list grows upstream; its alarm fires (unpacked builds allow an alarm this soon) and the copy refreshes.
  lists.body = `${csl.trimEnd()}\n"c3","Entity List (EL) - Bureau of Industry and Security","","","","Third Party Vision","","Minsk, BY","","","","","","","","","","","","","","","","","","","","",""\n`;
  const hits = lists.hits;
  await h.worker.evaluate((n) => chrome.alarms.create(n, { when: Date.now() + 50 }), alarmName);
  await page.waitForFunction(
    (id) =>
      document.querySelector(`[data-testid="watchlist"][data-list-id="${id}"]`)?.getAttribute('data-size') ===
      '3',
    list.id,
    { timeout: 15000 },
  );
  assert.ok(lists.hits > hits, 'the alarm downloaded the list again');

  // A malformed download keeps the last good copy, and says so.
  lists.body = `${csl.split('\n')[0]}\n"broken,"unbalanced\n`;
  await waitForAlarm();
  await h.worker.evaluate((n) => chrome.alarms.create(n, { when: Date.now() + 50 }), alarmName);
  const error = followed.getByTestId('subscription-error');
  await error.waitFor({ timeout: 15000 });
  assert.match(await error.innerText(), /malformed download.*kept the last good copy \(3 entries/);
  assert.equal(await followed.getAttribute('data-size'), '3');

  // So does a server error.
  lists.status = 500;
  await followed.getByRole('button', { name: 'Refresh now Followed CSL' }).click();
  await page.waitForFunction(
    () => /HTTP 500/.test(document.querySelector('[data-testid="subscription-error"]')?.textContent ?? ''),
    null,
    { timeout: 15000 },
  );
  assert.equal((await storedLists())[0]?.entries.length, 3);
  lists.status = 200;
  await page.close();
});

test('a managed list is screened and shown read-only (policy simulated through the dev-build hook)', async () => {
  await h.worker.evaluate(async () => {
    await chrome.storage.local.set({
      'managed:test': {
        lists: [
          {
            id: 'corp',
            name: 'Corporate denied parties',
            asOf: '2026-11-01',
            entries: [
              { names: ['Quillfeather Monitoring GmbH', 'Quillfeather'], countries: ['DE'], type: 'entity' },
            ],
          },
        ],
        settings: { threshold: 0.9 },
      },
    });
  });
  const page = await openOptions();
  const managed = row(page, 'Corporate denied parties');
  await managed.waitFor();
  assert.equal(await managed.getAttribute('data-readonly'), 'true');
  assert.equal(await managed.getAttribute('data-size'), '1');
  assert.equal(await managed.getByRole('button', { name: /^Delete/ }).count(), 0);
  assert.equal(await managed.getByRole('button', { name: /^Rename/ }).count(), 0);
  assert.equal(await page.getByTestId('managed-notice').getAttribute('data-simulated'), 'true');
  await managed.getByRole('button', { name: 'View of Corporate denied parties' }).click();
  await page.getByTestId('readonly-notice').waitFor();
  assert.equal(await page.getByTestId('add-entry').count(), 0);
  assert.equal(
    await page
      .getByTestId('list-detail')
      .getByRole('button', { name: /^(Edit|Remove)/ })
      .count(),
    0,
  );
  // The import cannot target it either.
  await chooseFiles(page, [fx('generic.csv')]);
  assert.equal(await page.locator('option', { hasText: 'Corporate denied parties' }).count(), 0);
  await page.getByTestId('import-cancel').click();

  // The service worker screens against it.
  const found = await lookup(page, 'Quillfeather Monitoring');
  assert.ok(
    found.results.some((r) => r.match?.listId === 'managed-corp'),
    JSON.stringify(found.results.map((r) => r.title)),
  );
  // The managed threshold is locked on the settings page.
  await page.getByTestId('nav-settings').click();
  assert.equal(await page.getByTestId('threshold').isDisabled(), true);
  assert.match(await page.getByTestId('settings').innerText(), /set by your organisation/);
  await page.close();
});

test('lists can be created, searched, edited, renamed and deleted', async () => {
  const page = await openOptions();
  await page.getByTestId('new-list-name').fill('Trade fair contacts');
  await page.getByTestId('create-list').click();
  const r = row(page, 'Trade fair contacts');
  await r.waitFor();
  await page.getByTestId('list-detail').waitFor();
  for (const [name, countries] of [
    ['Gateway Optics Ltd', 'China'],
    ['Harbor Lens Trading', 'AE'],
  ] as const) {
    await page.getByTestId('add-entry').click();
    await page.getByTestId('entry-name').fill(name);
    await page.getByTestId('entry-countries').fill(countries);
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByTestId('entry-form').waitFor({ state: 'detached' });
  }
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="entry"]').length === 2);
  // A bad country is refused with a reason.
  await page.getByTestId('add-entry').click();
  await page.getByTestId('entry-name').fill('Nowhere Inc');
  await page.getByTestId('entry-countries').fill('Atlantis');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByText('Not a country: Atlantis').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByTestId('entry-search').fill('harbor');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="entry"]').length === 1);
  await page.getByRole('button', { name: 'Edit Harbor Lens Trading' }).click();
  await page.getByTestId('entry-aliases').fill('HLT\nHarbour Lens');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByText('aka HLT; Harbour Lens').waitFor();
  await page.getByRole('button', { name: 'Remove Harbor Lens Trading' }).click();
  await page.getByTestId('entry-search').fill('');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="entry"]').length === 1);
  assert.equal(await r.getAttribute('data-size'), '1');

  await r.getByRole('button', { name: 'Rename Trade fair contacts' }).click();
  await page.getByRole('textbox', { name: 'New name for Trade fair contacts' }).fill('Fair 2026');
  await page.getByRole('button', { name: 'Save name' }).click();
  const renamed = row(page, 'Fair 2026');
  await renamed.waitFor();
  await renamed.getByRole('button', { name: 'Delete Fair 2026' }).click();
  await renamed.getByTestId('confirm-delete').click();
  await page.getByText('No watchlists yet').waitFor();
  assert.deepEqual(await storedLists(), []);
  await page.close();
});

test('a CRM export is screened row by row into a results table with a CSV download', async () => {
  const page = await openOptions();
  await chooseFiles(page, [fx('generic.csv')]);
  await accept(page, 'Deny list');
  await page.getByTestId('nav-batch').click();
  await page.getByTestId('batch-input').setInputFiles(fx('crm-export.csv'));
  await page.getByTestId('batch-summary').waitFor({ timeout: 20000 });
  const rows = page.getByTestId('batch-row');
  assert.equal(await rows.count(), 3);
  assert.equal(await rows.first().getAttribute('data-risk'), 'high', 'highest risk first');
  const gateway = page.locator('[data-testid="batch-row"][data-line="4"]');
  assert.match(await gateway.innerText(), /Gateway Optics/);
  assert.notEqual(await gateway.getAttribute('data-risk'), 'none');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('batch-download').click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8')
    .trim()
    .split(/\r?\n/);
  assert.match(csv[0]!, /^line,record_id,deal,customer,countries,risk/);
  assert.equal(csv.length, 4);
  assert.ok(
    csv.some((l) => /Gateway Optics Ltd/.test(l) && /Deny list/.test(l)),
    csv.join('\n'),
  );
  await page.close();
});

test('settings change and reset to the defaults', async () => {
  const page = await openOptions();
  await page.getByTestId('nav-settings').click();
  const sensors = page.locator('[data-testid="category-toggle"][data-category="sensors"]');
  await sensors.uncheck();
  await page.getByTestId('threshold').fill('0.7');
  await page.waitForFunction(async () => {
    const s = (await chrome.storage.local.get('settings')).settings as {
      data?: { threshold: number | null; disabledCategories: string[] };
    };
    return s?.data?.threshold === 0.7 && s.data.disabledCategories.includes('sensors');
  });
  await page.getByTestId('settings-reset').click();
  await page.waitForFunction(async () => {
    const s = (await chrome.storage.local.get('settings')).settings as {
      data?: { threshold: number | null; disabledCategories: string[] };
    };
    return s?.data?.threshold === null && s.data.disabledCategories.length === 0;
  });
  assert.equal(await sensors.isChecked(), true);
  await page.close();
});

test('the options page has no serious or critical accessibility violations', async () => {
  const page = await openOptions();
  await chooseFiles(page, [fx('generic.csv')]);
  await accept(page, 'A11y list');
  await chooseFiles(page, [fx('malformed-fields.csv')]);
  await page.getByTestId('import-error').waitFor();
  const axe = readFileSync(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axe);
  const check = () =>
    page.evaluate(async () => {
      const r = await (
        window as unknown as {
          axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
        }
      ).axe.run();
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.nodes.length})`);
    });
  assert.deepEqual(await check(), []);
  await page.getByTestId('nav-settings').click();
  assert.deepEqual(await check(), []);
  await page.getByTestId('nav-batch').click();
  await page.getByTestId('batch-input').setInputFiles(fx('crm-export.csv'));
  await page.getByTestId('batch-summary').waitFor();
  assert.deepEqual(await check(), []);
  await page.close();
});

test('the full OFAC SDN list (sdn.csv + alt.csv + add.csv) imports in under 5 s', {
  skip: !FULL_SDN.every(existsSync) && 'needs ../shared/data (not in the repo)',
}, async () => {
  const page = await openOptions();
  const t0 = Date.now();
  const summary = await chooseFiles(page, FULL_SDN);
  const parsed = Date.now();
  const done = await accept(page, 'OFAC SDN full');
  const total = Date.now() - t0;
  const [list] = await storedLists();
  const aliases = list!.entries.reduce((n, e) => n + e.names.length - 1, 0);
  console.log(
    `full SDN: ${list!.entries.length} entries, ${aliases} aliases; preview after ${parsed - t0} ms, stored after ${total} ms; ${summary} | ${done}`,
  );
  assert.ok(list!.entries.length > 10000);
  assert.ok(total < 5000, `import took ${total} ms`);
  await row(page, 'OFAC SDN full').waitFor();
  assert.equal(await row(page, 'OFAC SDN full').getAttribute('data-size'), String(list!.entries.length));
  await page.close();
});
