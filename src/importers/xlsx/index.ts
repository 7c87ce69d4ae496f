/** XLSX authoring template (fiscus-xlsx) → BudgetDocument. */
export { importXlsx, looksLikeZip, XlsxCellError } from './read.js';
