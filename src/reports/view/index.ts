export * from './types.js';
export { headerGrid } from './header.js';
export { tableView, amountText } from './table.js';
export { narrativeView, changePercent, cnNumber } from './narrative.js';
export { projectFormView, departmentTargetsView, indicatorRows, disbursementText } from './forms.js';
export { buildReportView, chartSpecs, findingView } from './report.js';
