/**
 * The narrative of the package. Any document prints its own parts, sections and paragraphs
 * (`documentNarrativeView`). A Shenzhen department budget prints its eight parts in the format's
 * standard wording (`narrativeView`).
 * Every figure comes from the model: the narrative's facts where the document states them, else
 * the tables; the change against last year is recomputed (decimal.js) from this year's total and
 * the last-year figure the narrative implies. A section whose figures the model lacks falls back to
 * the document's own paragraphs for that section.
 */
import { Decimal } from 'decimal.js';
import { SHENZHEN_PARTS } from '../../domain/catalogue/index.js';
import type { BudgetDocument, Fact, Money, NarrativePart, NarrativeSection, Table } from '../../domain/model.js';
import { formatAmount } from '../../domain/money.js';
import { cell, factByKey, rowByCode, tableByRole } from '../../domain/query.js';
import type { NarrativePartView, NarrativeSectionView } from './types.js';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

/** Chinese ordinal 1–20 ("一" … "二十"). */
export function cnNumber(n: number): string {
  return CN[n] ?? String(n);
}


class Missing extends Error {}

/** Figures of one document: facts first, then the tables, formatted as printed. */
class Figures {
  constructor(readonly doc: BudgetDocument) {}

  fact(key: string): Fact | undefined {
    return factByKey(this.doc, key);
  }

  /** Money of a fact, else of the fallback fen (2 decimals), else the section cannot be worded. */
  money(key: string, fallback?: () => number | null | undefined): Money {
    const f = this.fact(key)?.money;
    if (f) return f;
    const fen = fallback?.();
    if (fen == null) throw new Missing(key);
    return { fen, decimals: 2 };
  }

  amt(key: string, fallback?: () => number | null | undefined): string {
    const m = this.money(key, fallback);
    return fmt(m);
  }

  count(key: string, fallback?: () => number | null | undefined): string {
    const n = this.fact(key)?.count ?? fallback?.();
    if (n == null) throw new Missing(key);
    return String(n);
  }

  table(role: Table['role']): Table | undefined {
    return tableByRole(this.doc, role);
  }
}

function fmt(m: Money): string {
  return formatAmount(m.fen, '万元', m.decimals ?? 2);
}

/** "增加"/"减少" and the absolute amount of a signed change. */
function change(fen: number, decimals: number): { word: string; rise: string; amount: string } {
  return { word: fen < 0 ? '减少' : '增加', rise: fen < 0 ? '下降' : '增长', amount: formatAmount(Math.abs(fen), '万元', decimals) };
}

/**
 * Percentage change from last year's figure to this year's, to 2 places (half up), unsigned;
 * null when last year was zero (no percentage is defined).
 */
export function changePercent(thisYearFen: number, lastYearFen: number): string | null {
  if (lastYearFen === 0) return null;
  return new Decimal(thisYearFen - lastYearFen).abs().div(new Decimal(lastYearFen).abs()).mul(100).toFixed(2, Decimal.ROUND_HALF_UP);
}

function revenueTotal(g: Figures): number | null {
  const t1 = g.table('income-expenditure-summary');
  return t1 ? cell(t1.rows.find((r) => r.side === 'revenue' && r.kind === 'total'), 'amount') : null;
}

function expenditureTotal(g: Figures): number | null {
  const t3 = g.table('expenditure-summary');
  if (t3) return cell(t3.rows.find((r) => r.kind === 'unit' || r.kind === 'total'), 'total');
  const t1 = g.table('income-expenditure-summary');
  return t1 ? cell(t1.rows.find((r) => r.side === 'expenditure' && r.kind === 'total'), 'amount') : null;
}

function basicSplit(g: Figures) {
  const t4 = g.table('basic-expenditure-economic');
  const econ = (code: string) => (t4 ? (cell(rowByCode(t4, code), 'total') ?? 0) : null);
  // 人员 = 工资福利 + 对个人和家庭的补助 without 离休费/退休费, which the format reports as 离退休.
  const retiree = () => (t4 ? (econ('30301') ?? 0) + (econ('30302') ?? 0) : null);
  return {
    retiree,
    personnel: () => (t4 ? (econ('301') ?? 0) + (econ('303') ?? 0) - (retiree() ?? 0) : null),
    public: () => econ('302'),
  };
}

function changeSentence(g: Figures, totalKey: string, changeKey: string, total: Money): string {
  const ch = g.fact(changeKey)?.money;
  if (!ch) return '';
  const lastYear = total.fen - ch.fen;
  const c = change(total.fen - lastYear, ch.decimals ?? 2);
  const pct = changePercent(total.fen, lastYear);
  void totalKey;
  return `，比 ${g.doc.year - 1} 年${c.word} ${c.amount} 万元${pct === null ? '' : `，${c.rise} ${pct}%`}`;
}

type SectionGen = (g: Figures) => NarrativeSectionView[];

const part1: SectionGen = (g) => {
  const d = g.doc;
  const unit = d.unit.name;
  const subs = d.unit.subordinateUnits.map((s) => s.text).join('、') || unit;
  const staff = (key: string, label: string) => (g.fact(key) ? `${label} ${g.count(key)} 人` : null);
  const join = (xs: (string | null)[], sep: string) => xs.filter((x): x is string => x !== null).join(sep);
  const s2 = [
    `${unit}包括${subs}共 ${g.count('unit.subordinate-count', () => d.unit.subordinateUnits.length)} 家基层单位。`,
    join([
      join([staff('staff.admin.establishment', '行政编制总数'), staff('staff.admin.actual', '实有在编人数')], '，'),
      join([staff('staff.career.establishment', '事业编制总数'), staff('staff.career.actual', '实有在编人数')], '，'),
      join([staff('staff.retired-lixiu', '离休'), staff('staff.retired', '退休')], '，'),
      join([staff('staff.old-workers', '老工勤'), staff('staff.employees', '雇员'), staff('staff.community-workstation', '社区工作站定员'), staff('staff.dispatched', '劳务派遣人员')], '、'),
    ].filter((x) => x !== ''), '；') + '。',
    g.fact('vehicles.actual')
      ? `${g.fact('vehicles.reform')?.text ?? ''}${g.fact('vehicles.reform') ? '，' : ''}实有车辆 ${g.count('vehicles.actual')} 辆，包括定编车辆 ${g.count('vehicles.establishment', () => 0)} 辆，摩托车 ${g.count('vehicles.motorcycles', () => 0)} 辆。`
      : '',
  ].join('');
  return [
    { title: '一、主要职能', paragraphs: d.narrative.duties.map((t, i) => (/^[(（]/.test(t.text) ? t.text : `(${cnNumber(i + 1)})${t.text}`)) },
    { title: '二、机构编制及交通工具情况', paragraphs: [s2] },
    { title: `三、${d.year} 年主要工作目标`, paragraphs: d.narrative.goals ? [d.narrative.goals.text] : [] },
  ];
};

const part2: SectionGen = (g) => {
  const d = g.doc;
  const t1 = g.table('income-expenditure-summary');
  const rev = (code: string) => () => (t1 ? (cell(rowByCode(t1, code, 'revenue'), 'amount') ?? 0) : null);
  const revenue = g.money('revenue.total', () => revenueTotal(g));
  const expenditure = g.money('expenditure.total', () => expenditureTotal(g));
  const b = basicSplit(g);
  const t5 = g.table('project-expenditure');
  const p1 =
    `${d.year} 年${d.unit.name}部门预算收入 ${fmt(revenue)} 万元${changeSentence(g, 'revenue.total', 'revenue.change.amount', revenue)}，其中：` +
    `政府预算拨款 ${g.amt('revenue.gov-approp', rev('govApprop'))} 万元，财政专户拨款 ${g.amt('revenue.special-account', rev('specialAccount'))} 万元，单位资金 ${g.amt('revenue.unit-funds', rev('unitFunds'))} 万元。`;
  const p2 =
    `${d.year} 年${d.unit.name}部门预算支出 ${fmt(expenditure)} 万元${changeSentence(g, 'expenditure.total', 'expenditure.change.amount', expenditure)}。其中：` +
    `人员支出 ${g.amt('expenditure.personnel', b.personnel)} 万元、公用支出 ${g.amt('expenditure.public', b.public)} 万元、离退休人员支出 ${g.amt('expenditure.retiree', b.retiree)} 万元、项目支出 ${g.amt('expenditure.project', () => (t5 ? cell(t5.rows.find((r) => r.kind === 'unit'), 'total') : null))} 万元。`;
  const ch = g.fact('revenue.change.amount')?.money?.fen ?? 0;
  const p3 = d.narrative.changeReason ? `预算收支${ch < 0 ? '减少' : '增加'}主要原因说明：${d.narrative.changeReason.text}` : null;
  return [{ title: null, paragraphs: [p1, p2, ...(p3 ? [p3] : [])] }];
};

const part3: SectionGen = (g) => {
  const d = g.doc;
  const b = basicSplit(g);
  const t5 = g.table('project-expenditure');
  const total = g.amt('expenditure.total', () => expenditureTotal(g));
  const pers = g.amt('expenditure.personnel', b.personnel);
  const pub = g.amt('expenditure.public', b.public);
  const ret = g.amt('expenditure.retiree', b.retiree);
  const proj = g.amt('expenditure.project', () => (t5 ? cell(t5.rows.find((r) => r.kind === 'unit'), 'total') : null));
  return [
    { title: null, paragraphs: [`${d.unit.name}预算 ${total} 万元，包括人员支出 ${pers} 万元、公用支出 ${pub} 万元、离退休人员支出 ${ret} 万元、项目支出 ${proj} 万元。`] },
    { title: null, paragraphs: [`一、人员支出 ${pers} 万元，主要是在职人员工资福利支出。`] },
    { title: null, paragraphs: [`二、公用支出 ${pub} 万元，主要包括公用综合定额经费、水电费、物业管理费、车辆运行维护费和工会经费等公用经费。`] },
    { title: null, paragraphs: [`三、离退休人员支出 ${ret} 万元，主要是离退休人员经费。`] },
    {
      title: null,
      paragraphs: [
        `四、项目支出 ${proj} 万元，具体包括：`,
        ...d.narrative.projects.map((p) => `${p.no}.${p.name} ${fmt(p.amount)} 万元，${p.description}`),
      ],
    },
  ];
};

const part4: SectionGen = (g) => {
  const d = g.doc;
  const t11 = g.table('procurement');
  const cat = (code: string) => () => (t11 ? (cell(rowByCode(t11, code), 'amount') ?? 0) : null);
  const total = g.amt('procurement.total', () => (t11 ? cell(t11.rows.find((r) => r.kind === 'unit'), 'amount') : null));
  return [
    {
      title: null,
      paragraphs: [
        `${d.unit.name}政府采购项目纳入 ${d.year} 年部门预算共计 ${total} 万元，其中：货物采购 ${g.amt('procurement.goods', cat('A'))} 万元、工程采购 ${g.amt('procurement.works', cat('B'))} 万元、服务采购 ${g.amt('procurement.services', cat('C'))} 万元。`,
      ],
    },
  ];
};

const part5: SectionGen = (g) => {
  const d = g.doc;
  const y = d.year;
  const t12 = g.table('three-public');
  const yearRow = (yr: number) => t12?.rows.find((r) => r.texts?.['year']?.text === String(yr));
  const tp = (col: string) => () => cell(yearRow(y), col) ?? (t12 ? 0 : null);
  const tpChange = (key: string, col: string): string => {
    const f = g.fact(key)?.money;
    const fen = f?.fen ?? (() => {
      const a = cell(yearRow(y), col);
      const b = cell(yearRow(y - 1), col);
      return t12 ? (a ?? 0) - (b ?? 0) : null;
    })();
    if (fen == null) throw new Missing(key);
    const c = change(fen, f?.decimals ?? 2);
    return `${c.word} ${c.amount}`;
  };
  const subs = d.unit.subordinateUnits.map((s) => s.text).join('、') || d.unit.name;
  const overseas = g.amt('three-public.overseas', tp('overseas'));
  return [
    {
      title: '一、“三公”经费的单位范围',
      paragraphs: [`${d.unit.name}因公出国（境）费用、公务接待费、公务用车购置和运行维护费开支单位包括${subs}共 ${g.count('three-public.unit-count', () => d.unit.subordinateUnits.length)} 个基层单位。`],
    },
    {
      title: '二、“三公”经费预算情况说明',
      paragraphs: [
        `${y} 年“三公”经费预算 ${g.amt('three-public.total', tp('total'))} 万元，比 ${y - 1} 年“三公”经费预算${tpChange('three-public.change.amount', 'total')} 万元。`,
        `（一）因公出国（境）费用。${y} 年预算数 ${overseas} 万元。为进一步规范因公出国（境）经费管理，我区因公出国（境）经费完全按零基预算的原则根据区因公出国计划预审会议审定计划动态调配使用，因此各单位 ${y} 年因公出国（境）经费预算数为 ${g.amt('three-public.overseas.all-units', tp('overseas'))} 万元，在实际执行中根据计划据实调配。`,
        `（二）公务接待费。${y} 年预算数 ${g.amt('three-public.reception', tp('reception'))} 万元，比 ${y - 1} 年${tpChange('three-public.reception.change', 'reception')} 万元。`,
        `（三）公务用车购置和运行维护费。${y} 年预算数 ${g.amt('three-public.vehicles', tp('vehicles'))} 万元，其中：公务用车购置费 ${y} 年预算数 ${g.amt('three-public.vehicle-purchase', tp('vehiclePurchase'))} 万元，比 ${y - 1} 年预算数${tpChange('three-public.vehicle-purchase.change', 'vehiclePurchase')} 万元；公务用车运行维护费 ${y} 年预算数 ${g.amt('three-public.vehicle-running', tp('vehicleRunning'))} 万元，比 ${y - 1} 年预算数${tpChange('three-public.vehicle-running.change', 'vehicleRunning')} 万元。`,
      ],
    },
  ];
};

const part6: SectionGen = (g) => {
  const d = g.doc;
  const t13 = g.table('performance-projects');
  const subs = d.unit.subordinateUnits.map((s) => s.text).join('、') || d.unit.name;
  const amount = g.amt('performance.amount', () => (t13 ? cell(t13.rows.find((r) => r.kind === 'unit'), 'total') : null));
  const projects = g.count('performance.project-count', () => (t13 ? t13.rows.filter((r) => r.kind === 'item').length : null));
  return [
    {
      title: '一、实施部门预算绩效管理的单位范围',
      paragraphs: [
        `${d.unit.name}实施部门预算绩效管理的单位范围包括：${subs}共 ${g.count('performance.unit-count', () => d.unit.subordinateUnits.length)} 家基层单位，按要求开展部门整体绩效自评，形成绩效报告报送区财政部门备案。区财政部门将根据需要对部分基层单位或整个系统的部门整体支出实施重点绩效评价。`,
      ],
    },
    {
      title: '二、实施部门预算绩效管理的项目情况及工作要求',
      paragraphs: [
        `${d.year} 年${d.unit.name}所有预算项目均已纳入预算绩效管理，涉及预算资金 ${amount} 万元，设置并编报 ${projects} 个项目绩效目标。相关项目在执行时需在年中（8 月底前）编报绩效监控情况，并在年度预算执行完毕或项目完成后，按要求开展绩效自评，并在单位自评的基础上选择重点项目开展部门评价，形成绩效报告（表）报送区财政部门备案。区财政部门将选取部分政策或项目实施重点绩效评价。`,
      ],
    },
  ];
};

function assets(g: Figures, scope: string, opening: string): string {
  const k = (s: string) => `assets.${scope}.${s}`;
  const thr = (s: string) => fmt(g.money(k(`${s}.threshold`)));
  return (
    `${opening}本单位共有车辆 ${g.count(k('vehicles.total'))} 辆，其中，一般公务用车 ${g.count(k('vehicles.official'))} 辆、一般执法执勤用车 ${g.count(k('vehicles.law-enforcement'))} 辆、特种专业技术用车 ${g.count(k('vehicles.special'))} 辆、其他用车 ${g.count(k('vehicles.other'))} 辆；` +
    `单位价值 ${thr('general-equipment')} 万元以上通用设备 ${g.count(k('general-equipment.count'))} 台（套），总金额为 ${g.amt(k('general-equipment.value'))} 万元。` +
    `单价 ${thr('special-equipment')} 万元以上专用设备 ${g.count(k('special-equipment.count'))} 台（套），总金额为 ${g.amt(k('special-equipment.value'))} 万元。`
  );
}

const part7: SectionGen = (g) => {
  const d = g.doc;
  const op = g.fact('operating-funds');
  const s1 = op?.money
    ? `${d.year} 年机关运行经费预算 ${fmt(op.money)} 万元。`
    : (original(g, 7, '一')?.[0] ?? `${d.year} 年${op?.text ?? '无机关运行经费支出预算'}。`);
  const stock = [...new Set(d.narrative.facts.map((f) => /^assets\.(\d{4}-\d{2}-\d{2})\./.exec(f.key)?.[1]).filter((x): x is string => !!x))];
  const paras: string[] = stock.map((s) => {
    const [yy, mm, dd] = s.split('-').map(Number);
    return assets(g, s, `截至 ${yy} 年 ${mm} 月 ${dd} 日，`);
  });
  if (g.fact(`assets.${d.year}.vehicles.total`)) paras.push(assets(g, String(d.year), `${d.year} 年`));
  if (g.fact('assets.purchase.vehicles.official')) {
    const k = (s: string) => `assets.purchase.${s}`;
    paras.push(
      `${d.year} 年，部门预算安排购置一般公务用车 ${g.count(k('vehicles.official'))} 辆、一般执法执勤用车 ${g.count(k('vehicles.law-enforcement'))} 辆、特种专业技术用车 ${g.count(k('vehicles.special'))} 辆、其他用车 ${g.count(k('vehicles.other'))} 辆。` +
        `安排购置价值 ${fmt(g.money(k('general-equipment.threshold')))} 万元以上通用设备 ${g.count(k('general-equipment.count'))} 台（套），单位价值 ${fmt(g.money(k('special-equipment.threshold')))} 万元以上专用设备 ${g.count(k('special-equipment.count'))} 台（套）。`,
    );
  }
  const t8 = g.table('gov-fund-function');
  const t10 = g.table('transfer-payments');
  const none = g.fact('other.none')?.text;
  const s3 = [
    ...(none ? [`${none}。`] : []),
    `${d.unit.name} ${d.year} 年政府性基金预算拨款 ${g.amt('other.gov-fund', () => (t8 ? (cell(t8.rows.find((r) => r.kind === 'unit'), 'total') ?? 0) : null))} 万元。`,
    `${d.unit.name} ${d.year} 年上级专项转移支付支出预算为 ${g.amt('other.transfer', () => (t10 ? (cell(t10.rows.find((r) => r.kind === 'unit'), 'amount') ?? 0) : null))} 万元。`,
  ];
  return [
    { title: '一、机关运行经费', paragraphs: [s1] },
    { title: '二、国有资产占用情况说明', paragraphs: paras },
    { title: '三、其他', paragraphs: s3 },
  ];
};

const part8: SectionGen = (g) => [
  {
    title: null,
    // A term that is itself a quoted item name reads "X项目，归口至…" in the format; others "X：指…".
    paragraphs: g.doc.narrative.glossary.map((e, i) => `${cnNumber(i + 1)}、${e.term}${/项目$/.test(e.term) && !/^指/.test(e.definition) ? '，' : '：'}${e.definition}`),
  },
];

/** The document's own paragraphs of a section (the fallback when the model lacks a figure). */
function original(g: Figures, part: number, section: string): string[] | undefined {
  return g.doc.narrative.parts.find((p) => p.no === part)?.sections.find((s) => s.no === section)?.paragraphs.map((p) => p.text);
}

const GENERATORS: SectionGen[] = [part1, part2, part3, part4, part5, part6, part7, part8];

/** "第一部分 部门概况": the Shenzhen heading of part `no` (1–8). */
export function shenzhenPartHeading(no: number): string {
  return `第${cnNumber(no)}部分 ${SHENZHEN_PARTS[no - 1] ?? ''}`.trim();
}

/** Builds the eight parts; a part whose figures are missing prints the document's own paragraphs. */
export function narrativeView(doc: BudgetDocument): NarrativePartView[] {
  const g = new Figures(doc);
  return GENERATORS.map((gen, i): NarrativePartView => {
    const no = i + 1;
    let sections: NarrativeSectionView[];
    try {
      sections = gen(g);
    } catch (e) {
      if (!(e instanceof Missing)) throw e;
      const part = doc.narrative.parts.find((p) => p.no === no);
      sections = (part?.sections ?? []).map((s) => ({ title: sectionHeading(s), paragraphs: s.paragraphs.map((p) => p.text) }));
    }
    return { no, heading: shenzhenPartHeading(no), sections: sections.filter((s) => s.paragraphs.length > 0 || s.title) };
  });
}

const squashed = (s: string) => s.replace(/\s+/g, '');

/**
 * A part's heading as the document prints it: its title ("第一部分 广州市统计局概况", "名词解释"), or
 * null when the importer found the part without a title line.
 */
export function partHeading(p: Pick<NarrativePart, 'title'>): string | null {
  const t = p.title.trim();
  return t === '' ? null : t;
}

/**
 * A section's heading as the document prints it, or null when it prints none or its first
 * paragraph already starts with it ("一、加强党的建设。…"). A number the title lacks is put back
 * ("一" + "主要职责" → "一、主要职责"; "一、" + "一、主要职责" stays "一、主要职责").
 */
export function sectionHeading(s: Pick<NarrativeSection, 'no' | 'title' | 'paragraphs'>): string | null {
  const title = s.title.trim();
  if (title === '') return null;
  const no = s.no.trim().replace(/[、.．]$/, '');
  const numbered = no === '' || squashed(title).startsWith(squashed(no)) ? title : /^[(（]/.test(no) ? `${no}${title}` : `${no}、${title}`;
  const first = squashed(s.paragraphs[0]?.text ?? '');
  if (first !== '' && (first.startsWith(squashed(numbered)) || first.startsWith(squashed(title)))) return null;
  return numbered;
}

/**
 * The document's own narrative: its parts in order with their printed headings, sections and
 * paragraphs, nothing worded by fiscus. Parts are numbered 1… in print order (anchors).
 */
export function documentNarrativeView(doc: BudgetDocument): NarrativePartView[] {
  return doc.narrative.parts.map((p, i): NarrativePartView => ({
    no: i + 1,
    heading: partHeading(p) ?? '',
    sections: p.sections
      .map((s) => ({ title: sectionHeading(s), paragraphs: s.paragraphs.map((x) => x.text) }))
      .filter((s) => s.paragraphs.length > 0 || s.title),
  }));
}
