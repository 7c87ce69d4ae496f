export * from './types.js';
export { headerGrid } from './header.js';
export { tableView, tableViewOf, tableIdOf, tableById, numberLabelOf, amountText, type TableViewOptions } from './table.js';
export { narrativeView, documentNarrativeView, partHeading, sectionHeading, shenzhenPartHeading, changePercent, cnNumber } from './narrative.js';
export { projectFormView, departmentTargetsView, indicatorRows, disbursementText, SHENZHEN_TARGETS_HEADING, type TargetsHeading } from './forms.js';
export { buildReportView, blocksOf, chartSpecs, findingView, outlineOf } from './report.js';
