/** OFAC sdn.xml: not implemented yet (optional in issue 7). */
import type { ParseOptions, ParseResult } from './types';
import { failed } from './util';

export function parseOfacXml(_text: string, _opts: ParseOptions = {}): ParseResult {
  return failed(
    'ofac-sdn-xml',
    'OFAC sdn.xml is not supported yet: import sdn.csv (+ alt.csv, add.csv) instead',
  );
}
