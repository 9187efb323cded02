/**
 * Real nginx (the Debian package; .ci/run installs it) in the foreground (daemon off), as a child of the
 * caller, on free loopback ports, with its prefix, pid, logs and temp folders in a temporary folder: for
 * tests/security/nginx.test.ts (deploy/nginx.conf audited over HTTP) and bench/lighthouse.ts (the site
 * measured as it is deployed, compressed). The caller writes the `server { … }` blocks, one per port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** nginx lives in /usr/sbin on Debian, which is not on every user's PATH. */
export function findNginx(): string {
  const dirs = [...(process.env['PATH'] ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin'];
  const found = dirs.filter(Boolean).map((d) => path.join(d, 'nginx')).find((f) => existsSync(f));
  if (!found) {
    throw new Error(
      'nginx is not installed, and this serves the site with deploy/nginx.conf in real nginx. ' +
        'Install it (Debian: apt-get install nginx); .ci/run installs it on a fresh machine.',
    );
  }
  return found;
}

/** `count` different free ports: each held until all are found, so two are never the same. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}

export interface Nginx {
  /** The temporary folder of its prefix, config, pid and logs. */
  temp: string;
  /** The whole configuration it runs. */
  config: string;
  /** What it printed, and its error log. */
  output(): string;
  /** Whether it has exited (at start: a bad configuration). */
  exited(): boolean;
  /** Answers with `ok` at `url`, or throws with what nginx said, within about 10 s. */
  ready(url: string, ok?: (res: Response) => boolean): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts nginx with these server blocks (each `server { listen 127.0.0.1:PORT; … }`, ports from freePort()).
 * `accessLog`: keep an access log in the temporary folder (the security test reads it on failure).
 */
export function startNginx(servers: readonly string[], { accessLog = false }: { accessLog?: boolean } = {}): Nginx {
  const binary = findNginx();
  const temp = mkdtempSync(path.join(tmpdir(), 'report-nginx-'));
  // Debian's nginx was built with temp folders in /var/lib/nginx, which only root may create: each module
  // that has one gets its own here (a module built without would reject the directive).
  const configure = spawnSync(binary, ['-V'], { encoding: 'utf8' }).stderr;
  const tempPaths = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .filter((m) => m === 'client_body' || !configure.includes(`--without-http_${m}_module`))
    .map((m) => `  ${m}_temp_path ${path.join(temp, `${m}_temp`)};`);
  const errorLog = path.join(temp, 'error.log');
  const config = `
# Started by root, the workers would switch to "nobody", who cannot read the temporary folder (0700).
${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${path.join(temp, 'nginx.pid')};
error_log ${errorLog} warn;
events { worker_connections 64; }
http {
  access_log ${accessLog ? path.join(temp, 'access.log') : 'off'};
${tempPaths.join('\n')}
${servers.map((s) => `  ${s}`).join('\n')}
}
`;
  writeFileSync(path.join(temp, 'nginx.conf'), config);
  let printed = '';
  const child: ChildProcess = spawn(binary, ['-p', `${temp}/`, '-c', path.join(temp, 'nginx.conf'), '-e', errorLog], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (printed += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (printed += d.toString()));
  const exit = new Promise((resolve) => child.once('exit', resolve));
  let gone = false;
  void exit.then(() => (gone = true));
  const output = () => `${printed}${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''}`;
  return {
    temp,
    config,
    output,
    exited: () => gone,
    async ready(url, ok = () => true) {
      // nginx starts in a few tens of milliseconds.
      for (let i = 0; ; i++) {
        if (gone) throw new Error(`nginx exited at start:\n${output()}\n--- config ---\n${config}`);
        const answered = await fetch(url).then(ok, () => false);
        if (answered) return;
        if (i > 200) throw new Error(`nginx did not answer on ${url} within 10 s:\n${output()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode === null && !gone) {
        child.kill('SIGTERM');
        await exit;
      }
      rmSync(temp, { recursive: true, force: true });
    },
  };
}
