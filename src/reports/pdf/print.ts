/** The HTML package printed to PDF by the system Chromium (playwright-core; no bundled browser). */
import { access, chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedBrowser } from './browsers.js';
import { printFontFaces } from './fonts.js';
import { FiscusError } from '../../domain/errors.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface PdfOptions {
  /** Path of the Chromium executable (default /usr/bin/chromium). */
  executablePath?: string;
  /** Page numbers in the footer (default true). */
  pageNumbers?: boolean;
}

/**
 * Prints self-contained HTML to PDF bytes: A4 with the page sizes of the stylesheet's named pages
 * (landscape for wide tables) and the page number in the footer. Throws DEPENDENCY_MISSING when
 * Chromium is not installed.
 */
export async function printPdf(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  const executablePath = opts.executablePath ?? CHROMIUM_PATH;
  try {
    await access(executablePath);
  } catch {
    throw new FiscusError('DEPENDENCY_MISSING', `打印 PDF 需要 Chromium，但找不到 ${executablePath}（请管理员安装：apt-get install chromium fonts-wqy-zenhei）`);
  }
  // playwright-core (two large CommonJS bundles, about half a second of a server's start on a busy
  // machine) is loaded by the first print, not by every process that might print.
  const shared = sharedBrowser(executablePath, async () => (await import('playwright-core')).chromium.launch({ executablePath: await niced(executablePath), args: ARGS }));
  try {
    // Each print in a context of its own: nothing of one document is seen by the next.
    const context = await (await shared.browser).newContext();
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      // The print font over two faces so that Chromium embeds subsets, not the whole 9 MB font (fonts.ts).
      const faces = printFontFaces(html);
      if (faces) {
        await page.addStyleTag({ content: faces });
        await page.evaluate('document.fonts.ready.then(() => undefined)');
      }
      const pdf = await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: opts.pageNumbers ?? true,
        headerTemplate: '<span></span>',
        footerTemplate: '<div style="width:100%;text-align:center;font-size:8pt;font-family:\'WenQuanYi Zen Hei\',sans-serif;color:#555">— <span class="pageNumber"></span> —</div>',
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    shared.release();
  }
}

/** The niceness Chromium runs at: below the server's thread that answers requests, as the parser threads. */
export const PRINT_NICE = 10;

/**
 * The command that starts Chromium at a lower priority: a small script that execs `nice -n 10
 * chromium "$@"` (playwright starts the executable it is given, with its own arguments and pipes, and
 * Chromium's renderers inherit the niceness). Printing takes every core for a second; at the same
 * priority as the server, four prints at once on two cores kept it from answering for over a second.
 * Run as root, Chromium raises its own display threads to niceness −8, above the server; there the
 * script first drops the capability to raise priorities (`setpriv --bounding-set -sys_nice`).
 * Where `nice` is missing (not Linux or macOS), Chromium itself.
 */
async function niced(executablePath: string): Promise<string> {
  const nice = await firstExisting(['/usr/bin/nice', '/bin/nice']);
  if (!nice || process.platform === 'win32') return executablePath;
  const setpriv = process.getuid?.() === 0 ? await firstExisting(['/usr/bin/setpriv', '/bin/setpriv']) : undefined;
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const drop = setpriv ? `${q(setpriv)} --bounding-set -sys_nice -- ` : '';
  const script = `#!/bin/sh\nexec ${drop}${q(nice)} -n ${PRINT_NICE} ${q(executablePath)} "$@"\n`;
  const dir = join(tmpdir(), `fiscus-${process.getuid?.() ?? 'user'}`);
  const path = join(dir, `chromium-nice-${createHash('sha256').update(script).digest('hex').slice(0, 16)}.sh`);
  if ((await readFile(path, 'utf8').catch(() => '')) === script) return path;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, script, { mode: 0o700 });
  await chmod(tmp, 0o700);
  await rename(tmp, path);
  return path;
}

async function firstExisting(paths: string[]): Promise<string | undefined> {
  for (const p of paths) {
    try {
      await access(p);
      return p;
    } catch {
      /* the next */
    }
  }
  return undefined;
}
