/**
 * The Chromium processes that print PDFs, shared between prints (reports/pdf/print.ts launches them).
 * This module loads no browser code, so a command can close them on its way out cheaply.
 */
import type { Browser } from 'playwright-core';

/**
 * One Chromium per executable, launched on the first print and kept while prints keep coming (a
 * launch costs a second or two of CPU: a server printing one per request starves everything else).
 * It is closed after a few idle seconds, so that a finished command or test exits; a browser that
 * crashed or was closed is launched again by the next print.
 */
const IDLE_CLOSE_MS = 3000;
const browsers = new Map<string, { browser: Promise<Browser>; busy: number; idle: NodeJS.Timeout | null }>();

export function sharedBrowser(executablePath: string, launch: () => Promise<Browser>): { browser: Promise<Browser>; release(): void } {
  let e = browsers.get(executablePath);
  if (!e) {
    const entry: { browser: Promise<Browser>; busy: number; idle: NodeJS.Timeout | null } = { browser: launch(), busy: 0, idle: null };
    entry.browser.then(
      (b) => b.on('disconnected', () => browsers.get(executablePath) === entry && browsers.delete(executablePath)),
      () => browsers.get(executablePath) === entry && browsers.delete(executablePath),
    );
    browsers.set(executablePath, entry);
    e = entry;
  }
  const entry = e;
  entry.busy++;
  if (entry.idle) clearTimeout(entry.idle);
  entry.idle = null;
  return {
    browser: entry.browser,
    release() {
      entry.busy--;
      if (entry.busy > 0) return;
      entry.idle = setTimeout(() => {
        if (entry.busy === 0 && browsers.get(executablePath) === entry) {
          browsers.delete(executablePath);
          void entry.browser.then((b) => b.close()).catch(() => undefined);
        }
      }, IDLE_CLOSE_MS);
      entry.idle.unref();
    },
  };
}

/** Closes the shared browsers now (a command that printed need not wait for the idle close). */
export async function closePdfBrowsers(): Promise<void> {
  const all = [...browsers.values()];
  browsers.clear();
  for (const e of all) if (e.idle) clearTimeout(e.idle);
  await Promise.all(all.map((e) => e.browser.then((b) => b.close()).catch(() => undefined)));
}

