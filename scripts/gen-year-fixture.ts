/**
 * Generates samples/year-2021/: a realistic 2021 for the Shenzhen sample's ten project forms —
 * payments (payments.csv), the end-of-August monitoring entries (monitoring-2021-08.json) and the
 * year-end actuals (actuals-2021.json). Fixed seed: running it again gives the same files.
 *   node --import tsx scripts/gen-year-fixture.ts
 * Story: most projects pay on plan; 网络和信息安全运行维护 lags (contracts paid on acceptance,
 * below the August floor and off plan), 应急项目和设备维修 spends less than budgeted (fewer breakdowns),
 * 其他一般管理事务 pays ahead of plan; most indicators are met, a few are missed with reasons.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importFile } from '../src/app/import-document.js';
import { plannedCumulativeByMonth } from '../src/scoring/index.js';
import type { Indicator, ProjectForm } from '../src/domain/model.js';
import { seeded } from '../test/support/seeded.js';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'samples/year-2021');

const rand = seeded(20210831);
const between = (lo: number, hi: number) => lo + (hi - lo) * rand();
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** Per project: share of its planned cumulative paid at each month end (by month index), and the year-end share. */
interface Profile {
  /** Multiplier on the planned cumulative curve, by month 1–12 (interpolated between given months). */
  factor: Record<number, number>;
  yearEnd: number;
  payees: string[];
}

const PROFILES: Record<string, Profile> = {
  基础设施运行维护: { factor: { 1: 0.9, 12: 1 }, yearEnd: 0.985, payees: ['深圳市某数据中心运营有限公司', '某消防设备维保公司'] },
  应用系统运行维护: { factor: { 1: 0.95, 12: 1 }, yearEnd: 0.992, payees: ['某软件技术有限公司', '某信息系统集成公司'] },
  网络和信息安全运行维护: { factor: { 1: 0.4, 8: 0.45, 10: 0.75, 12: 1 }, yearEnd: 0.861, payees: ['某网络安全技术有限公司'] },
  绩效管理: { factor: { 1: 1, 12: 1 }, yearEnd: 0.96, payees: ['某绩效评价咨询公司', '某信息安全测评中心'] },
  购置费: { factor: { 1: 1, 12: 1 }, yearEnd: 0.9964, payees: ['某办公设备有限公司'] },
  其他一般管理事务: { factor: { 1: 1.4, 6: 1.3, 8: 1.28, 12: 1 }, yearEnd: 1, payees: ['某律师事务所', '某培训机构', '某物业服务公司'] },
  应急项目和设备维修: { factor: { 1: 0.9, 12: 1 }, yearEnd: 0.72, payees: ['某设备维修服务公司'] },
  劳务派遣人员: { factor: { 1: 1, 12: 1 }, yearEnd: 1, payees: ['某人力资源服务有限公司'] },
  项目审计: { factor: { 1: 1, 12: 1 }, yearEnd: 1, payees: ['某会计师事务所'] },
  基层党建: { factor: { 1: 1, 12: 1 }, yearEnd: 0.9375, payees: ['某文化传播公司'] },
};

function factorAt(p: Profile, m: number): number {
  const ks = Object.keys(p.factor)
    .map(Number)
    .sort((a, b) => a - b);
  const lo = [...ks].reverse().find((k) => k <= m) ?? ks[0]!;
  const hi = ks.find((k) => k >= m) ?? ks.at(-1)!;
  if (lo === hi) return p.factor[lo]!;
  return p.factor[lo]! + ((p.factor[hi]! - p.factor[lo]!) * (m - lo)) / (hi - lo);
}

const budgetOf = (f: ProjectForm) => f.amounts.currentYear?.fen ?? f.amounts.total?.fen ?? 0;
const pad = (n: number) => String(n).padStart(2, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function payments(forms: ProjectForm[]): string {
  const lines = ['项目,日期,金额(元),凭证号,收款方'];
  const all: Array<{ date: string; name: string; fen: number; payee: string }> = [];
  for (const f of forms) {
    const p = PROFILES[f.name];
    if (!p) throw new Error(`no profile for ${f.name}`);
    const budget = budgetOf(f);
    const quarters = [1, 2, 3, 4].map((q) => f.disbursement.filter((d) => d.quarter === q).reduce((s, d) => s + d.amount.fen, 0));
    const planned = plannedCumulativeByMonth(quarters);
    const finalFen = Math.round((budget * p.yearEnd) / 100) * 100; // whole 元
    let done = 0;
    for (let m = 1; m <= 12; m++) {
      const target = m === 12 ? finalFen : Math.min(finalFen, Math.round((planned[m - 1]! * factorAt(p, m) * between(0.97, 1.01)) / 100) * 100);
      const step = target - done;
      if (step <= 0) continue;
      const n = step > 2_000_000_00 ? 3 : step > 10_000_00 ? pick([1, 2, 2, 3]) : 1;
      let left = step;
      const days = new Set<number>();
      for (let i = 0; i < n; i++) {
        const fen = i === n - 1 ? left : Math.round((step / n) * between(0.8, 1.2));
        left -= fen;
        let d = Math.floor(between(5, DAYS[m - 1]! + 1));
        while (days.has(d)) d = (d % DAYS[m - 1]!) + 1;
        days.add(d);
        all.push({ date: `2021-${pad(m)}-${pad(d)}`, name: f.name, fen, payee: pick(p.payees) });
      }
      done = target;
    }
  }
  all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name, 'zh-CN')));
  all.forEach((x, i) => {
    const yuan = `${Math.trunc(x.fen / 100)}.${pad(x.fen % 100)}`;
    lines.push(`${x.name},${x.date},${yuan},记-2021-${x.date.slice(5, 7)}-${String(i + 1).padStart(4, '0')},${x.payee}`);
  });
  return lines.join('\n') + '\n';
}

interface Entry {
  indicator: string;
  actualToDate: string;
  likelihood: '确定能' | '有可能' | '完全不可能';
  reason?: string;
  action?: string;
}

/** Mid-year entries: progress figures near the execution story, qualitative ones in words. */
function monitoringEntry(f: { name: string }, ind: Indicator, progress: number): Entry | null {
  if (ind.notApplicable) return null;
  const special = MONITORING_OVERRIDES[`${f.name}/${ind.name}`];
  if (special) return { indicator: ind.name, ...special };
  if (ind.qualitative || ind.value === null || !/^\d+(\.\d+)?$/.test(ind.value)) {
    const word = /时间/.test(ind.name) ? '按计划推进' : /及时/.test(ind.name) ? '及时' : /有效|保障|提高|提升|优化|达到/.test(ind.name) ? '有效' : '按计划推进';
    return { indicator: ind.name, actualToDate: word, likelihood: '确定能' };
  }
  const t = Number(ind.value);
  if (ind.comparator === '≤' || ind.comparator === '<') return { indicator: ind.name, actualToDate: t === 0 ? '0' : String(Math.round(t * 0.25 * 10) / 10), likelihood: '确定能' };
  if (t === 0) return { indicator: ind.name, actualToDate: '0', likelihood: '确定能' };
  if (ind.unit === '%' && !/完成率/.test(ind.name)) return { indicator: ind.name, actualToDate: /满意/.test(ind.name) ? String(t + 3) : String(Math.max(t, 98)), likelihood: '确定能' };
  const v = ind.unit === '%' ? Math.round(t * progress) : Math.max(0, Math.floor(t * progress));
  return { indicator: ind.name, actualToDate: String(v), likelihood: '确定能' };
}

const MONITORING_OVERRIDES: Record<string, Omit<Entry, 'indicator'>> = {
  '网络和信息安全运行维护/应用系统扫描次数': { actualToDate: '120', likelihood: '有可能', reason: '人员保障', action: '增派驻场扫描人员，9—11 月每月集中扫描不少于 60 次' },
  '网络和信息安全运行维护/季度巡检次数': { actualToDate: '2', likelihood: '确定能', reason: '其他', action: '第三季度巡检安排在 9 月，第四季度按期开展' },
  '网络和信息安全运行维护/安全设备运行检查数量': { actualToDate: '16', likelihood: '确定能', reason: '其他', action: '合同款按验收节点支付，检查进度正常；9 月验收后集中支付' },
  '应急项目和设备维修/设备维修完成率': { actualToDate: '100', likelihood: '确定能', reason: '其他', action: '报修均已完成，维修需求少于预期，预计年末结余，将在决算中说明' },
  '应急项目和设备维修/应急项目完成率': { actualToDate: '100', likelihood: '确定能', reason: '其他', action: '已发生的应急项目均已完成；支出按实际发生结算' },
  '绩效管理/网站健康深度监测和整改报告数量': { actualToDate: '8', likelihood: '确定能', reason: '经费保障', action: '服务费按合同于第三、四季度支付，报告按月出具' },
  '绩效管理/等级保护系统测评数': { actualToDate: '2', likelihood: '确定能', reason: '经费保障', action: '测评费用于测评完成后支付，其余 2 个系统 10 月完成测评' },
  '网络和信息安全运行维护/应急演练次数': { actualToDate: '0', likelihood: '确定能', reason: '其他', action: '应急演练按计划定于 10 月开展' },
  '网络和信息安全运行维护/建设技术培训开展次数': { actualToDate: '1', likelihood: '确定能' },
  '网络和信息安全运行维护/现场检查次数': { actualToDate: '0', likelihood: '确定能', reason: '其他', action: '现场检查按计划于 11 月前完成' },
  '绩效管理/绩效管理相关工作完成率': { actualToDate: '60', likelihood: '确定能', reason: '经费保障', action: '服务费按合同于第三、四季度验收后支付，工作按月推进' },
  '其他一般管理事务/职工教育培训人数': { actualToDate: '1', likelihood: '确定能' },
  '劳务派遣人员/劳务派遣人员数量': { actualToDate: '2', likelihood: '确定能', reason: '其他', action: '派遣人员数为在岗人数，不随支出进度累计' },
  '项目审计/项目审计工作完成率': { actualToDate: '40', likelihood: '确定能', reason: '其他', action: '审计费用按合同于第四季度一次性支付，审计工作已启动' },
};

const DEPARTMENT_OVERRIDES: Record<string, Omit<Entry, 'indicator'>> = {
  IDC机房运行维护工作完成率: { actualToDate: '60', likelihood: '确定能' },
  信息安全绩效考核完成率: { actualToDate: '55', likelihood: '确定能' },
  基层党建工作完成率: { actualToDate: '55', likelihood: '确定能' },
  应用系统扫描次数: { actualToDate: '120', likelihood: '有可能', reason: '人员保障', action: '增派驻场扫描人员，9—11 月集中完成' },
  预算执行率: { actualToDate: '56', likelihood: '有可能', reason: '其他', action: '督促网络安全、绩效管理、项目审计等项目按验收节点及时支付' },
};

interface ActualOut {
  indicator: string;
  value?: string;
  band?: string;
  reason?: string;
  correction?: string;
}

const ACTUAL_OVERRIDES: Record<string, Omit<ActualOut, 'indicator'>> = {
  '基础设施运行维护/IDC机房运行维护故障率': {
    value: '0.3',
    reason: '申报表目标值印为"100%"，应为"≤2%"；全年故障率 0.3%，按所印目标计分偏低',
    correction: '2022 年申报时更正目标值，并在编报审核中核对故障率类指标的比较符',
  },
  '网络和信息安全运行维护/应用系统扫描次数': { value: '276', reason: '上半年扫描人员不足，下半年虽增派人员仍未完成全年 300 次', correction: '2022 年按月分解扫描任务并纳入驻场人员考核' },
  '网络和信息安全运行维护/安全设备正常运行率': { value: '92', reason: '目标以"="申报，实际运行率高于目标，按偏差计分', correction: '2022 年改以"≥90%"申报' },
  '网络和信息安全运行维护/培训参与率': { value: '78', reason: '第三季度培训与护网行动时间冲突，部分人员缺席', correction: '2022 年培训安排避开重保期并提供线上补训' },
  '网络和信息安全运行维护/补丁更新及时性': { band: '基本达成', reason: '部分老旧系统补丁需厂商适配，更新滞后 1—2 周', correction: '与厂商约定补丁适配时限' },
  '网络和信息安全运行维护/信息安全事故处理及时性': { band: '部分达成', reason: '5 月一次勒索病毒告警处置超过规定时限', correction: '修订应急预案，建立 7×24 小时值守' },
  '网络和信息安全运行维护/信息安全保障有效性': { band: '基本达成', reason: '全年发生 2 起低危安全事件', correction: '加强终端防护与漏洞闭环管理' },
  '网络和信息安全运行维护/提高信息安全意识': { band: '基本达成', reason: '培训覆盖面未达到全部在编人员', correction: '2022 年增加线上培训场次' },
  '绩效管理/用户满意度': { value: '87.5', reason: '部分单位对网站监测整改报告的反馈时效不满意', correction: '缩短整改报告出具周期至 5 个工作日' },
  '应急项目和设备维修/设备正常使用率': { value: '97', reason: '两台老旧空调全年多次故障，备件采购周期长' },
  '基层党建/党员满意度': { value: '96' },
};

function actual(f: { name: string }, ind: Indicator): ActualOut | null {
  if (ind.notApplicable) return null;
  const o = ACTUAL_OVERRIDES[`${f.name}/${ind.name}`];
  if (o) return { indicator: ind.name, ...o };
  if (ind.qualitative || ind.value === null || !/^\d+(\.\d+)?$/.test(ind.value)) return { indicator: ind.name, band: '完全达成' };
  const t = Number(ind.value);
  if (ind.comparator === '≤' || ind.comparator === '<') return { indicator: ind.name, value: t === 0 ? '0' : String(Math.round(t * between(0.1, 0.6) * 10) / 10) };
  if (/满意/.test(ind.name)) return { indicator: ind.name, value: String(Math.min(100, t + Math.round(between(2, 8)))) };
  if (ind.comparator === '≥' || ind.comparator === '>') return { indicator: ind.name, value: String(ind.unit === '%' ? t : t + Math.floor(between(0, 3))) };
  return { indicator: ind.name, value: ind.value };
}

async function main() {
  const doc = await importFile(join(ROOT, 'samples/shenzhen-futian-data-center-2021-dept-budget.txt'));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'payments.csv'), payments(doc.projectForms));
  // Progress to the end of August per project, for the count and completion-rate entries.
  const PROGRESS: Record<string, number> = {
    基础设施运行维护: 0.68,
    应用系统运行维护: 0.64,
    网络和信息安全运行维护: 0.62,
    绩效管理: 0.6,
    购置费: 1,
    其他一般管理事务: 0.8,
    应急项目和设备维修: 0.55,
    劳务派遣人员: 0.67,
    项目审计: 0.4,
    基层党建: 0.35,
  };
  const monitoring = {
    asOf: '2021-08-31',
    projects: doc.projectForms.map((f) => ({
      project: f.name,
      entries: f.indicators.map((ind) => monitoringEntry(f, ind, PROGRESS[f.name] ?? 0.67)).filter((x): x is Entry => x !== null),
    })),
    department: (doc.departmentTargets?.indicators ?? [])
      .map((ind) => {
        const o = DEPARTMENT_OVERRIDES[ind.name];
        return o ? { indicator: ind.name, ...o } : monitoringEntry({ name: '部门整体' }, ind, 0.66);
      })
      .filter((x): x is Entry => x !== null),
  };
  writeFileSync(join(OUT, 'monitoring-2021-08.json'), JSON.stringify(monitoring, null, 2) + '\n');
  const actuals = {
    projects: doc.projectForms.map((f) => ({ project: f.name, actuals: f.indicators.map((ind) => actual(f, ind)).filter((x): x is ActualOut => x !== null) })),
  };
  writeFileSync(join(OUT, 'actuals-2021.json'), JSON.stringify(actuals, null, 2) + '\n');
  process.stdout.write(`wrote ${OUT}\n`);
}

await main();
