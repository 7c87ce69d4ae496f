/** The HTML package printed to PDF by the system Chromium (playwright-core; no bundled browser). */
import { access } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { sharedBrowser } from './browsers.js';
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
    throw new FiscusError('DEPENDENCY_MISSING', `Chromium is needed to print PDF but ${executablePath} is missing (install it: apt-get install chromium fonts-wqy-zenhei)`);
  }
  const shared = sharedBrowser(executablePath, () => chromium.launch({ executablePath, args: ARGS }));
  try {
    // Each print in a context of its own: nothing of one document is seen by the next.
    const context = await (await shared.browser).newContext();
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
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
