/**
 * Table 14 (部门(单位)整体支出绩效目标申报表) and the 预算项目支出绩效目标申报表 forms of a Shenzhen
 * department budget. The parsers live in ./forms/; this module is their stable entry point.
 */
export { parseDepartmentTargets } from './forms/department-targets.js';
export { parseProjectForm } from './forms/project-form.js';
export { linkFormsToProjects } from './forms/link.js';
