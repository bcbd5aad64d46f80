import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ListFile } from '../../lib/lists';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'lists');

/** A fixture as the options page would hand it over: name + decoded UTF-8 text. */
export function fixture(rel: string): ListFile {
  return { name: basename(rel), text: readFileSync(join(FIXTURES, rel), 'utf8') };
}

export const text = (rel: string) => fixture(rel).text;
