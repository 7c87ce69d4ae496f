/**
 * E2E helpers: run `fiscus start` as a child process on a free port with a temporary data folder
 * (the same path `npm start` takes), and launch the system Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, '.test-artifacts');

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface Started {
  url: string;
  dataDir: string;
  stdout: () => string;
  stderr: () => string;
  stop(): Promise<void>;
}

/**
 * Starts `node bin/fiscus.js <args>` and waits for the "fiscus 已启动" line. `dataDir`: a folder
 * prepared beforehand (its workspace in `data/`), removed on stop as a fresh one is.
 */
export async function startFiscus(command: 'start' | 'serve' = 'start', env: NodeJS.ProcessEnv = {}, dataDir = mkdtempSync(join(tmpdir(), 'fiscus-e2e-'))): Promise<Started> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['bin/fiscus.js', command, '--port', String(port), '--data', join(dataDir, 'data')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // not left running to keep the test file from ending
      fail(new Error(`fiscus ${command} did not start within 90 s\n${out}\n${err}`));
    }, 90_000);
    const check = () => {
      const m = /fiscus 已启动: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`fiscus ${command} exited with ${code}\n${out}\n${err}`));
    });
  });
  return {
    url,
    dataDir,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The system Chromium, without network chatter. Every page it opens is watched for Content-Security-
 * Policy violations (a script, style or connection the server's policy refused: src/app/http-security.ts);
 * `close()` fails, listing them, when there was any.
 */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const violations: string[] = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const ctx = await newContext(...args);
    ctx.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) violations.push(`${m.page()?.url() ?? '?'}: ${m.text().slice(0, 300)}`);
    });
    return ctx;
  };
  const close = browser.close.bind(browser);
  browser.close = async (...args) => {
    await close(...args);
    if (violations.length) throw new Error(`Content-Security-Policy violations in Chromium:\n${violations.join('\n')}`);
  };
  return browser;
}

/** Signs `page` in through the 登录 page of the server at `url` and waits until the page frame names the user. */
export async function signIn(page: Page, url: string, login: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
}

/** Server time of a page (the `total` metric of its Server-Timing header), in ms; `headers`: e.g. a session cookie. */
export async function serverTime(url: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(url, { headers, redirect: 'manual' });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  const m = /total;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
  if (!m) throw new Error(`no Server-Timing total on ${url}`);
  return Number(m[1]);
}
