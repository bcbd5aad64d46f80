import { describe, expect, it } from 'vitest';
import { createMatcher, type Matcher } from '../../lib/match';
import { FULL_SCAN, type FullScan } from '../../lib/match/engine';
import type { WatchlistEntry } from '../../lib/model';

/** Deterministic PRNG so the list and queries are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST =
  'john mary ali mohammad leandro leonardo alicja alicia diane jessica anna maria ivan olga wei'.split(' ');
const LAST =
  'smith becker bender davis davidson ribeiro malone makkonen hassan ivanov petrov wang kowalski garcia'.split(
    ' ',
  );
// Patronymics weigh less than a name word (stopwords.ts): bounds must hold with them on either side.
const PATRONYMICS = 'ivanovich petrovna sergeyevich olegovna oleksiyovych'.split(' ');
const WORDS = 'distribuidora grupp group logistics research energy soft stroy neft sever alpha'.split(' ');
const FORMS = ['LLC', 'OOO', 'JSC', 'GmbH', 'Co., Ltd.', ''];

function list(r: () => number, n: number): WatchlistEntry[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => ({
    id: String(i),
    listId: 'syn',
    names: [
      r() < 0.6
        ? `${pick(LAST)}, ${pick(FIRST)}${r() < 0.3 ? ` ${pick(FIRST)}` : ''}${r() < 0.3 ? ` ${pick(PATRONYMICS)}` : ''}`
        : `${pick(WORDS)} ${r() < 0.5 ? pick(WORDS) : ''} ${pick(FORMS)}`.replace(/\s+/g, ' ').trim(),
    ],
  }));
}

function typo(r: () => number, name: string): string {
  const words = name.split(/[\s,]+/).filter(Boolean);
  if (r() < 0.3) return [...words.slice(1), words[0]!].join(' ');
  const w = Math.floor(r() * words.length);
  const word = words[w]!;
  if (word.length > 3) {
    const i = 1 + Math.floor(r() * (word.length - 2));
    words[w] = r() < 0.5 ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + word[i] + word.slice(i);
  }
  return r() < 0.2 ? words.join('') : words.join(' ');
}

/** Asserts that the index finds every name a full scan finds for q, at the same score; returns how many. */
function expectFullScanFound(m: Matcher, q: string, minScores: number[]): number {
  const full = (m as unknown as Record<symbol, FullScan>)[FULL_SCAN]!;
  let n = 0;
  for (const minScore of minScores) {
    const exact = full(q, { limit: 10_000, minScore });
    const found = new Map(m.search(q, { limit: 10_000, minScore }).map((x) => [x.entryId, x.score]));
    n += exact.length;
    for (const x of exact) expect(found.get(x.entryId), `${q} → ${x.matchedName}`).toBe(x.score);
  }
  return n;
}

/**
 * 1,500 names of two to `longest` words drawn from `listWords`, then `queries` queries of queryLength(k)
 * words drawn from `queryWords`, each searched at 0.6 and 0.85 (expectFullScanFound). Returns how many
 * names the full scans found.
 */
function expectWordNamesFound(
  r: () => number,
  listWords: string[],
  longest: number,
  queryWords: string[],
  queries: number,
  queryLength: (k: number) => number,
): number {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const names = Array.from({ length: 1500 }, () =>
    Array.from({ length: 2 + Math.floor(r() * (longest - 1)) }, () => pick(listWords)).join(' '),
  );
  const m = createMatcher(names.map((n, i) => ({ id: String(i), listId: 'syn', names: [n] })));
  let want = 0;
  for (let k = 0; k < queries; k++) {
    const q = Array.from({ length: queryLength(k) }, () => pick(queryWords)).join(' ');
    want += expectFullScanFound(m, q, [0.6, 0.85]);
  }
  return want;
}

describe('candidate index', () => {
  it('finds what a full scan with the same scorer finds', () => {
    const r = rng(7);
    const entries = list(r, 3000);
    const m = createMatcher(entries);
    const full = (m as unknown as Record<symbol, FullScan>)[FULL_SCAN]!;
    let want = 0;
    let got = 0;
    for (let k = 0; k < 60; k++) {
      const q =
        k % 3 === 2
          ? `${FIRST[k % FIRST.length]} ${LAST[k % LAST.length]}`
          : typo(r, entries[k * 37]!.names[0]!);
      const exact = full(q, { limit: 10_000 });
      const found = new Set(m.search(q, { limit: 10_000 }).map((x) => x.entryId));
      want += exact.length;
      got += exact.filter((x) => found.has(x.entryId)).length;
    }
    expect(want).toBeGreaterThan(100);
    expect(got / want).toBeGreaterThanOrEqual(0.99);
  });

  it("finds every near miss a full scan finds, down to the popup's 0.6, with the same scores", () => {
    const r = rng(9);
    const entries = list(r, 3000);
    const m = createMatcher(entries);
    let want = 0;
    for (let k = 0; k < 40; k++) {
      // Initials, legal forms and typos in the query: the bound credits each only with what it can pair.
      const q =
        k % 4 === 0
          ? `${FIRST[k % FIRST.length]} ${LAST[(k * 7) % LAST.length]![0]}. ${LAST[k % LAST.length]}`
          : k % 4 === 1
            ? `${WORDS[k % WORDS.length]} ${FORMS[k % FORMS.length]}`
            : typo(r, entries[k * 53]!.names[0]!);
      want += expectFullScanFound(m, q, [0.6, 0.75]);
    }
    expect(want).toBeGreaterThan(200);
  });

  it('finds names whose legal form is glued to a word ("JSCARGUMENT"), whichever way the query writes it', () => {
    const r = rng(13);
    const words =
      'argument sever vostok alfa neft stroy energy soft ural sibir trans promsvyaz tekhno invest'.split(' ');
    const forms = ['JSC', 'OOO', 'LLC', 'AO', 'PJSC'];
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const names = Array.from({ length: 1500 }, () => {
      const ws = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(words).toUpperCase());
      const form = pick(forms);
      const k = r();
      if (k < 0.25) return [form + ws[0], ...ws.slice(1)].join(' ');
      if (k < 0.5) return [...ws.slice(0, -1), ws[ws.length - 1] + form].join(' ');
      return [form, ...ws].join(' ');
    });
    const m = createMatcher(names.map((n, i) => ({ id: String(i), listId: 'syn', names: [n] })));
    const full = (m as unknown as Record<symbol, FullScan>)[FULL_SCAN]!;
    let want = 0;
    for (let k = 0; k < 150; k++) {
      const words = names[Math.floor(r() * names.length)]!.split(' ');
      const q = (r() < 0.5 ? [pick(forms), ...words] : words).join(' ');
      const exact = full(q, { limit: 10_000, minScore: 0.75 });
      const found = new Map(m.search(q, { limit: 10_000, minScore: 0.75 }).map((x) => [x.entryId, x.score]));
      want += exact.length;
      for (const x of exact) expect(found.get(x.entryId), `${q} → ${x.matchedName}`).toBe(x.score);
    }
    expect(want).toBeGreaterThan(1000);
  });

  it('ranks as a full scan does when a merge raises a name above its bound without merges', () => {
    // "LIMITED REPUBLIC AG" scores 1 against "Limited Republicag", "DISTRIBUIDORA BANK" 0.98 against
    // "Distribuidorabamk", only once the name's words are merged: scored after the names whose bound
    // without merges is higher, they would be cut off by the limit.
    const r = rng(19);
    const words = 'republic argument sever vostok neft energy trans ural'.split(' ');
    const forms = ['AG', 'Ltd', 'Limited', 'GmbH', 'LLC', 'OOO', 'JSC', 'Co., Ltd.'];
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const names: string[] = [];
    for (const w of words) {
      for (const f of forms) names.push(`${w.toUpperCase()} ${f}`, `LIMITED ${w.toUpperCase()} ${f}`);
    }
    for (let i = 0; i < 400; i++)
      names.push(`${pick(words).toUpperCase()} ${pick(words).toUpperCase()} ${pick(forms)}`);
    // A run of name words nearly spelling a query word: "distribuidora bank" for "Distribuidorabamk".
    const long = 'distribuidora promsvyazbank energetika neftekhim sovcombank'.split(' ');
    const common = ['BANK', 'GROUP', 'TRADING'];
    for (const w of long) {
      names.push(w.toUpperCase());
      for (const c of common) names.push(`${w.toUpperCase()} ${c}`);
    }
    for (let i = 0; i < 300; i++) names.push(`${pick(words).toUpperCase()} ${pick(common)}`);
    const m = createMatcher(names.map((n, i) => ({ id: String(i), listId: 'syn', names: [n] })));
    const full = (m as unknown as Record<symbol, FullScan>)[FULL_SCAN]!;
    const queries: string[] = [];
    for (const w of long) queries.push(`${w}bamk`, `${w}gruop`, `${w}tradnig`);
    for (const w of words)
      for (const f of ['ag', 'gmbh', 'llc', 'ooo']) queries.push(`LIMITED ${w.toUpperCase()}${f}`);
    for (const q of queries) {
      for (const limit of [1, 3, 10]) {
        expect(
          m.search(q, { limit }).map((x) => x.score),
          `${q}, limit ${limit}`,
        ).toEqual(full(q, { limit }).map((x) => x.score));
      }
    }
  });

  it('finds what a full scan finds when the query writes a word twice ("Mohammad Ali Mohammad")', () => {
    const r = rng(23);
    const given = 'mohammad mohammed muhammad ali hassan hasan hussein abdullah'.split(' ');
    const family = 'rahimi rahim karimi hosseini husseini alavi'.split(' ');
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const names = Array.from({ length: 1500 }, () =>
      Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(r() < 0.7 ? given : family)).join(' '),
    );
    const m = createMatcher(names.map((n, i) => ({ id: String(i), listId: 'syn', names: [n] })));
    let want = 0;
    for (let k = 0; k < 60; k++) {
      const a = pick(given);
      const q =
        k % 2 === 0
          ? `${a} ${pick(given)} ${a}`
          : `${a} ${a} ${pick(family)}${k % 3 === 0 ? ` ${pick(given)}` : ''}`;
      want += expectFullScanFound(m, q, [0.6, 0.85]);
    }
    expect(want).toBeGreaterThan(500);
  });

  it('finds what a full scan finds for names run together into one word ("Goodwinkayleigh")', () => {
    // A name is reached through one of its words, and skipped when no run of 2–3 of its words holding that
    // word can spell the query word: decided from the words beside it. Names of 2–4 words; the query two or
    // three of them joined, two of them sometimes with a letter dropped or doubled. (No two listed words are
    // a typo apart, and three joined have no typo: a query word splits only where its parts are listed, or
    // one of two is a typo away, so "bellgoodwin" does not find "bella goodwine".)
    const r = rng(29);
    const given = 'kayleigh maxim felicia miriam bruno tonya christy'.split(' ');
    const family = 'goodwin potts sakarya pradipta leandro ayala'.split(' ');
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const names = Array.from({ length: 1500 }, () =>
      Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(r() < 0.5 ? given : family)).join(' '),
    );
    const m = createMatcher(names.map((n, i) => ({ id: String(i), listId: 'syn', names: [n] })));
    let want = 0;
    for (let k = 0; k < 80; k++) {
      const words = pick(names).split(' ');
      const at = Math.floor(r() * (words.length - 1));
      const three = k % 3 === 0;
      let q = words.slice(at, at + (three ? 3 : 2)).join('');
      if (k % 2 === 1 && !three) {
        const i = 1 + Math.floor(r() * (q.length - 2));
        q = r() < 0.5 ? q.slice(0, i) + q.slice(i + 1) : q.slice(0, i) + q[i] + q.slice(i);
      }
      want += expectFullScanFound(m, q, [0.6, 0.85]);
    }
    expect(want).toBeGreaterThan(500);
  });

  it('finds what a full scan finds for names written without vowels (Arabic and Persian script)', () => {
    const r = rng(29);
    // Spellings of the same names, merged and split ("عبدالله", "عبد الله"), with and without a long vowel.
    const words = 'محمد محمّد احمد علي علی حسن حسين حسین عبدالله عبد الله بهمني بهمنی مهدی مهدي احسان'.split(
      ' ',
    );
    expect(expectWordNamesFound(r, words, 4, words, 40, (k) => 2 + (k % 3))).toBeGreaterThan(300);
  });

  it('finds for a query with vowels the names written without them that a full scan finds ("Ali", علي)', () => {
    const r = rng(31);
    const arabic = 'محمد احمد علي عمر عيسى حسن حسين عبدالله يوسف خالد'.split(' ');
    const latin = 'Mohammed Ahmad Ali Omar Isa Hassan Hussein Abdullah Yusuf Khaled Maria Amir Leo'.split(
      ' ',
    );
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const names = Array.from({ length: 1500 }, () =>
      Array.from({ length: 2 + Math.floor(r() * 2) }, () => pick(r() < 0.5 ? arabic : latin)).join(' '),
    );
    const m = createMatcher(names.map((n, i) => ({ id: String(i), listId: 'syn', names: [n] })));
    const full = (m as unknown as Record<symbol, FullScan>)[FULL_SCAN]!;
    let want = 0;
    let got = 0;
    for (let k = 0; k < 40; k++) {
      const q = Array.from({ length: 2 + (k % 2) }, () => pick(latin)).join(' ');
      const exact = full(q, { limit: 10_000, minScore: 0.75 });
      const found = new Map(m.search(q, { limit: 10_000, minScore: 0.75 }).map((x) => [x.entryId, x.score]));
      want += exact.length;
      got += exact.filter((x) => found.get(x.entryId) === x.score).length;
    }
    expect(want).toBeGreaterThan(500);
    expect(got / want).toBeGreaterThanOrEqual(0.99);
  });

  it('finds the same with or without its most frequent words looked up in advance', () => {
    const r = rng(17);
    const entries = list(r, 2000);
    const ahead = createMatcher(entries);
    const none = createMatcher(entries, { commonWords: 0 });
    for (let k = 0; k < 60; k++) {
      const q = typo(r, entries[k * 31]!.names[0]!);
      const want = none.search(q, { limit: 50, minScore: 0.6 }).map((x) => [x.entryId, x.score]);
      expect(
        ahead.search(q, { limit: 50, minScore: 0.6 }).map((x) => [x.entryId, x.score]),
        q,
      ).toEqual(want);
    }
  });

  it('returns the same top results as a full scan', () => {
    const entries = list(rng(11), 2000);
    const m = createMatcher(entries);
    const full = (m as unknown as Record<symbol, FullScan>)[FULL_SCAN]!;
    // Run together, the words of a name are found as parts of one query word: the name must still be read.
    for (const q of [
      'Smith John',
      'Becker Alicja',
      'DISTRIBUIDORA LLC',
      'Mohamad Hasan',
      'Beckeralicja',
      'Davidsonleonardo',
      'Malone Jessicaanna',
    ]) {
      expect(m.search(q).map((x) => x.score)).toEqual(full(q).map((x) => x.score));
    }
  });
  it('finds what a full scan finds for Arabic- and Hebrew-script queries on Latin names (p, v, c, q; Ali)', () => {
    // Skeletons write p as b, v as f, c and q as k (بوتين, Putin; فيكتور, Victor; כהן, Cohen), and pair on
    // Jaro-Winkler only with the same first letter, which is what the index reads. A word of one consonant
    // (علي) pairs with the words of that consonant ending alike (Ali, Aly, Eli; not Leo, Ola).
    const r = rng(5);
    const latin =
      'Putin Vladimir Victor Cohen Kasim Qasim Peres Shimon Benjamin Jafar Pavel Viktor Peter Boris Fatin Butin Vera Kevin Calvin Pablo Vasquez Ali Aly Eli Leo Ola Lee Isa Issa Sue'.split(
        ' ',
      );
    const script =
      'فلاديمير بوتين فيكتور قاسم جعفر بيتر بافل كالفن علي عيسى פוטין פרס בנימין כהן שמעון ולדימיר'.split(
        ' ',
      );
    expect(expectWordNamesFound(r, latin, 3, script, 80, (k) => 1 + (k % 3))).toBeGreaterThan(1000);
  });
  it('finds what a full scan finds for names with v or w written in Persian or Hebrew script, and back (وحید, Vahid)', () => {
    // و and ו write v and w as well as o and u: the scorer reads them both ways (skeletonReadings), and the
    // index lists every word under each reading. Latin queries on names in script, and script on Latin.
    const latin =
      'Vahid Wahid Vahidi Vaziri Vali Walid Pahlavi Davood David Vladimir Putin Viktor Vasily Marwan Hadi Ali Avi Aviv Levi'.split(
        ' ',
      );
    const script =
      'وحید وحيدي وزیری ولی ولید پهلوی داوود ولادیمیر پوتین ویکتور واسیلی مروان דוד אביב לוי ולדימיר פוטין'.split(
        ' ',
      );
    expect(expectWordNamesFound(rng(37), latin, 3, script, 80, (k) => 1 + (k % 3))).toBeGreaterThan(1000);
    expect(expectWordNamesFound(rng(41), script, 3, latin, 80, (k) => 1 + (k % 3))).toBeGreaterThan(1000);
  });

  it('finds what a full scan finds for French spellings of Arabic names (Rachid, رشيد), both ways', () => {
    // The index lists a Latin word with ch also under its skeleton with ch read as sh.
    const latin = 'Rachid Rashid Hicham Hisham Aicha Aisha Cherif Sharif Chamoun Khalid Chalid Bachir'.split(
      ' ',
    );
    const script = 'رشيد هشام عائشة شريف شمعون خالد بشير'.split(' ');
    expect(expectWordNamesFound(rng(47), latin, 3, script, 60, (k) => 1 + (k % 3))).toBeGreaterThan(500);
    expect(expectWordNamesFound(rng(53), script, 3, latin, 60, (k) => 1 + (k % 3))).toBeGreaterThan(500);
  });

  it('finds what a full scan finds for ذ, ظ and ث read as z and s and ق as gh (کاظم, Kazem; دهقان, Dehghan), both ways', () => {
    const latin =
      'Kazem Kadhim Kazim Osman Othman Uthman Zarif Dharif Nazim Nadhim Hafiz Zafar Dehghan Dehqan Ghorbani Qorbani Ghasemi'.split(
        ' ',
      );
    const script = 'کاظم كاظم عثمان ظريف ناظم حافظ ظفر دهقان قربانی قاسمی'.split(' ');
    expect(expectWordNamesFound(rng(59), latin, 3, script, 60, (k) => 1 + (k % 3))).toBeGreaterThan(500);
    expect(expectWordNamesFound(rng(61), script, 3, latin, 60, (k) => 1 + (k % 3))).toBeGreaterThan(500);
  });

  it('finds for a query written without vowels every name a full scan finds through a common skeleton (رئیسی, Raisi)', () => {
    // Forty-odd listed words share the skeleton "rs" (Raisi, Ross, Rosa, Eres …): a word written without
    // vowels pairs with each of them, so the index reads them all, not only skeletons shared by few words.
    const rs = ['', 'a', 'e', 'i', 'o'].flatMap((head) =>
      ['a', 'e', 'ai', 'ou', 'ee'].flatMap((mid) => ['', 'i', 'o'].map((tail) => `${head}r${mid}s${tail}`)),
    );
    expect(rs.length).toBeGreaterThan(64);
    const latin = [...rs, 'Ebrahim', 'Ibrahim', 'Ali', 'Hassan', 'Reza'];
    const script = 'رئیسی ابراهیم علی حسن رضا روس'.split(' ');
    expect(expectWordNamesFound(rng(43), latin, 3, script, 60, (k) => 1 + (k % 3))).toBeGreaterThan(500);
  });

  it('finds names listed with an initial for the whole name ("SMITH, K." for Kevin Smith)', () => {
    // The scorer pairs a listed initial with any word of its letter: the index reaches those names through
    // the query word too, not only through the surname many other names share.
    const listed = 'Smith Petrov Ahmed Kovac K. I. M. A. Kevin Ivan Maria Kamal'.split(' ');
    const typed = 'Kevin Ivan Maria Kamal Karl Smith Petrov Ahmed Kovac'.split(' ');
    expect(expectWordNamesFound(rng(67), listed, 3, typed, 80, (k) => 2 + (k % 2))).toBeGreaterThan(1000);
  });

  it('finds what a full scan finds for names spelt the French, German or English way (Iouri, Yury)', () => {
    // Words spelt to sound alike pair however far apart their letters (soundKey): the index reads them from
    // their own table, not from the typo keys or the far-typo scans.
    const r = rng(31);
    const words =
      'yury iouri yuri jurij kovalchuk kovaltchouk mikhail mihail zhukov joukov hassan hasan mustafa mustapha tchaikovsky chaikovsky dmitry dmitri schmidt shmidt lee li'.split(
        ' ',
      );
    expect(expectWordNamesFound(r, words, 3, words, 80, (k) => 1 + (k % 3))).toBeGreaterThan(1000);
  });
});
