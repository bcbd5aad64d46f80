/**
 * Runs a TypeScript entry point the way the extension ships its code: bundled into one module by esbuild
 * (scope-hoisted, no per-module import getters), npm packages left as imports. `npm run bench` uses it so
 * that timings measure the shipped shape of lib/, not the development loader's.
 *
 *   node scripts/bundled.mjs lib/cli/bench.ts [args…]
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/bundled.mjs ENTRY.ts [args…]');
  process.exit(2);
}

/** Each source keeps its own import.meta.url and dirname (they locate fixtures and ../shared/data). */
const ownImportMeta = {
  name: 'own-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.(ts|tsx|js|mjs)$/ }, async (a) => {
      if (a.path.includes('node_modules')) return undefined;
      const code = (await readFile(a.path, 'utf8'))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(a.path)))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href));
      const ext = extname(a.path).slice(1);
      return { contents: code, loader: ext === 'mjs' ? 'js' : ext };
    });
  },
};

const out = resolve('.tmp-bundled', 'run.mjs');
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: out,
  logLevel: 'error',
  plugins: [ownImportMeta],
});
process.argv = [process.argv[0], out, ...args];
await import(pathToFileURL(out).href);
