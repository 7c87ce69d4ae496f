/** Closing the shared PDF browsers (reports/pdf/browsers.ts) from the CLI, which reaches reports through app. */
export { closePdfBrowsers } from '../reports/pdf/browsers.js';
