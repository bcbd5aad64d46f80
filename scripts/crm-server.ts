/**
 * Serves the frozen CRM fixture pages over HTTPS on 127.0.0.1, so Chromium can open them at their real
 * CRM addresses (with --host-resolver-rules). Each CRM folder under test/fixtures/sites/ has a
 * routes.json: [{ "host": "acme.lightning.force.com", "path": "^/lightning/", "file": "spa.html" }].
 * The certificate is a throwaway self-signed one made at start.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SITES_DIR = resolve(import.meta.dirname, '../test/fixtures/sites');

export interface Route {
  host: string;
  path: string;
  file: string;
  /** Label for the demo: what this page shows. */
  demo?: string;
  /** A URL on this route worth opening in the demo. */
  example?: string;
}

export function loadRoutes(): (Route & { dir: string })[] {
  const routes: (Route & { dir: string })[] = [];
  for (const crm of readdirSync(SITES_DIR)) {
    const file = join(SITES_DIR, crm, 'routes.json');
    if (!existsSync(file)) continue;
    for (const route of JSON.parse(readFileSync(file, 'utf8')) as Route[])
      routes.push({ ...route, dir: join(SITES_DIR, crm) });
  }
  return routes;
}

function selfSignedCert(hosts: string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'dealscreen-cert-'));
  try {
    const san = ['IP:127.0.0.1', 'DNS:localhost', ...hosts.map((h) => `DNS:${h}`)].join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=dealscreen-fixtures',
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CrmServer {
  port: number;
  hosts: string[];
  /** Chromium flags that send every fixture host to this server. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

export async function startCrmServer(extraRoutes: (Route & { dir: string })[] = []): Promise<CrmServer> {
  const routes = [...extraRoutes, ...loadRoutes()];
  const hosts = [...new Set(routes.map((r) => r.host))];
  const server: Server = createServer(selfSignedCert(hosts), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    const route = routes.find((r) => r.host === host && new RegExp(r.path).test(path));
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`No fixture for ${host}${path}`);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(readFileSync(join(route.dir, route.file)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hosts,
    chromiumArgs: [
      `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`,
      '--ignore-certificate-errors',
    ],
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
