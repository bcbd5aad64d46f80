/**
 * Reads the shared evaluation data in place (../shared/data, never copied into the repo) for the matcher's
 * evaluation and benchmark.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { WatchlistEntry } from '../model';

export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

/** Says why the shared data is missing and returns false, so callers can exit cleanly. */
export function haveData(what: string): boolean {
  if (existsSync(DATA_DIR)) return true;
  console.error(
    `${what}: shared data not found at ${DATA_DIR} (expected ../shared/data next to the repo); skipping.`,
  );
  return false;
}

export function dataPath(...parts: string[]): string {
  return join(DATA_DIR, ...parts);
}

/** Rows of a CSV with a header. */
export function readCsv(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

/** Rows of an OFAC legacy CSV (no header, `-0-` = empty, trailing 0x1A). */
function readOfac(path: string): string[][] {
  const text = readFileSync(path, 'utf8').replaceAll(String.fromCharCode(0x1a), ''); // OFAC's DOS EOF byte
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data.map((r) =>
    r.map((c) => (c.trim() === '-0-' ? '' : c.trim())),
  );
}

const TYPES: Record<string, WatchlistEntry['type']> = {
  individual: 'individual',
  vessel: 'vessel',
  aircraft: 'aircraft',
  '': 'entity',
};

/** SDN entries (primary name first, then aliases from alt.csv rows with the same ent_num). */
export function loadSdn(sdnFile: string, altFile?: string): WatchlistEntry[] {
  const byId = new Map<string, WatchlistEntry>();
  for (const r of readOfac(sdnFile)) {
    const [id, name, type, programs] = r;
    if (!id || !name) continue;
    byId.set(id, {
      id,
      listId: 'ofac-sdn',
      names: [name],
      type: TYPES[type ?? ''] ?? 'unknown',
      programs: programs ? programs.split('] [') : [],
    });
  }
  if (altFile && existsSync(altFile)) {
    for (const r of readOfac(altFile)) {
      const e = byId.get(r[0] ?? '');
      const alt = r[3];
      if (e && alt) e.names.push(alt);
    }
  }
  return [...byId.values()];
}

export const SDN_2024 = () => dataPath('restricted-parties/ofac/sdn-2024-05-03/sdn.csv');
export const ALT_2026 = () => dataPath('restricted-parties/ofac/alt-add-2026-06/alt.csv');
export const SDN_2021 = () => dataPath('restricted-parties/ofac/sdn-trio-2021-07/sdn.csv');
export const ALT_2021 = () => dataPath('restricted-parties/ofac/sdn-trio-2021-07/alt.csv');
