/** The XLSX authoring template writer (the reader is src/importers/xlsx). */
export { buildTemplate, writeTemplate, amountFormat } from './write.js';
export type { StandardTable, TemplateInput } from './write.js';
