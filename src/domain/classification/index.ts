/**
 * Per-year classification code tables: 支出功能分类 (类 3 / 款 5 / 项 7 digits), 部门预算支出经济分类
 * (类 3 / 款 5) and 政府采购品目 (A/B/C + two-digit class). Lookup by code and by name (names are
 * compared after NFKC and white-space removal), parent/child navigation. An unknown code is not an
 * error here: callers report it as a warning.
 */
import { normalizeText, squash } from '../text.js';
import { OBSERVED } from './observed.js';

export type ClassificationSystem = 'function' | 'econ' | 'procurement';
export type CodeLevel = '类' | '款' | '项' | '品目';

export interface CodeEntry {
  system: ClassificationSystem;
  code: string;
  name: string;
  level: CodeLevel;
  parent: string | null;
  /** First and last budget year the name is valid for (inclusive); null = open. */
  from: number | null;
  to: number | null;
}

/** Procurement catalogue top levels and the classes seen in published documents. */
const PROCUREMENT: ReadonlyArray<readonly [string, string, string | null]> = [
  ['A', '货物', null],
  ['B', '工程', null],
  ['C', '服务', null],
  ['A01', '房屋和构筑物', 'A'],
  ['A02', '通用设备', 'A'],
  ['A03', '专用设备', 'A'],
  ['A05', '图书和档案', 'A'],
  ['A06', '家具用具', 'A'],
  ['A08', '无形资产', 'A'],
  ['B01', '房屋施工', 'B'],
  ['B07', '装修工程', 'B'],
  ['B08', '修缮工程', 'B'],
  ['C01', '研究和开发服务', 'C'],
  ['C02', '信息技术服务', 'C'],
  ['C05', '维修和保养服务', 'C'],
  ['C06', '会议和展览服务', 'C'],
  ['C08', '物业管理服务', 'C'],
  ['C99', '其他服务', 'C'],
];

/**
 * The national 类 of 支出功能分类 (《政府收支分类科目》, names valid from 2019 on): every department's
 * summary tables print the full list, used or not, so none of them is an unknown code.
 */
export const NATIONAL_CLASSES: ReadonlyArray<readonly [string, string]> = [
  ['201', '一般公共服务支出'],
  ['202', '外交支出'],
  ['203', '国防支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'],
  ['227', '预备费'],
  ['229', '其他支出'],
  ['230', '转移性支出'],
  ['231', '债务还本支出'],
  ['232', '债务付息支出'],
  ['233', '债务发行费用支出'],
  ['234', '抗疫特别国债安排的支出'],
];

/**
 * The national 部门预算支出经济分类 (财预〔2017〕98号, from 2018, with its later additions): every 类 and
 * every 款 (the classification has no lower level; 7-digit economic codes are local subdivisions).
 * Departments' basic-expenditure tables print the whole list, used or not. The 款 of 309 and 311 repeat
 * names of 310 and 312 (房屋建筑物购建, 资本金注入 …): they follow them, so that a name-only lookup meets
 * the ordinary 款 first.
 */
export const NATIONAL_ECON: ReadonlyArray<readonly [string, string]> = [
  ['301', '工资福利支出'],
  ['30101', '基本工资'],
  ['30102', '津贴补贴'],
  ['30103', '奖金'],
  ['30106', '伙食补助费'],
  ['30107', '绩效工资'],
  ['30108', '机关事业单位基本养老保险缴费'],
  ['30109', '职业年金缴费'],
  ['30110', '职工基本医疗保险缴费'],
  ['30111', '公务员医疗补助缴费'],
  ['30112', '其他社会保障缴费'],
  ['30113', '住房公积金'],
  ['30114', '医疗费'],
  ['30199', '其他工资福利支出'],
  ['302', '商品和服务支出'],
  ['30201', '办公费'],
  ['30202', '印刷费'],
  ['30203', '咨询费'],
  ['30204', '手续费'],
  ['30205', '水费'],
  ['30206', '电费'],
  ['30207', '邮电费'],
  ['30208', '取暖费'],
  ['30209', '物业管理费'],
  ['30211', '差旅费'],
  ['30212', '因公出国（境）费用'],
  ['30213', '维修（护）费'],
  ['30214', '租赁费'],
  ['30215', '会议费'],
  ['30216', '培训费'],
  ['30217', '公务接待费'],
  ['30218', '专用材料费'],
  ['30224', '被装购置费'],
  ['30225', '专用燃料费'],
  ['30226', '劳务费'],
  ['30227', '委托业务费'],
  ['30228', '工会经费'],
  ['30229', '福利费'],
  ['30231', '公务用车运行维护费'],
  ['30239', '其他交通费用'],
  ['30240', '税金及附加费用'],
  ['30299', '其他商品和服务支出'],
  ['303', '对个人和家庭的补助'],
  ['30301', '离休费'],
  ['30302', '退休费'],
  ['30303', '退职（役）费'],
  ['30304', '抚恤金'],
  ['30305', '生活补助'],
  ['30306', '救济费'],
  ['30307', '医疗费补助'],
  ['30308', '助学金'],
  ['30309', '奖励金'],
  ['30310', '个人农业生产补贴'],
  ['30311', '代缴社会保险费'],
  ['30399', '其他对个人和家庭的补助'],
  ['307', '债务利息及费用支出'],
  ['30701', '国内债务付息'],
  ['30702', '国外债务付息'],
  ['30703', '国内债务发行费用'],
  ['30704', '国外债务发行费用'],
  ['309', '资本性支出（基本建设）'],
  ['310', '资本性支出'],
  ['31001', '房屋建筑物购建'],
  ['31002', '办公设备购置'],
  ['31003', '专用设备购置'],
  ['31005', '基础设施建设'],
  ['31006', '大型修缮'],
  ['31007', '信息网络及软件购置更新'],
  ['31008', '物资储备'],
  ['31009', '土地补偿'],
  ['31010', '安置补助'],
  ['31011', '地上附着物和青苗补偿'],
  ['31012', '拆迁补偿'],
  ['31013', '公务用车购置'],
  ['31019', '其他交通工具购置'],
  ['31021', '文物和陈列品购置'],
  ['31022', '无形资产购置'],
  ['31099', '其他资本性支出'],
  ['311', '对企业补助（基本建设）'],
  ['312', '对企业补助'],
  ['31201', '资本金注入'],
  ['31203', '政府投资基金股权投资'],
  ['31204', '费用补贴'],
  ['31205', '利息补贴'],
  ['31206', '其他资本性补助'],
  ['31299', '其他对企业补助'],
  ['313', '对社会保障基金补助'],
  ['31302', '对社会保险基金补助'],
  ['31303', '补充全国社会保障基金'],
  ['31304', '对机关事业单位职业年金的补助'],
  ['399', '其他支出'],
  ['39906', '赠与'],
  ['39907', '国家赔偿费用支出'],
  ['39908', '对民间非营利组织和群众性自治组织补贴'],
  ['39909', '经常性赠与'],
  ['39910', '资本性赠与'],
  ['39999', '其他支出'],
  // 309 and 311 after the 款 of 310 and 312 whose names they repeat.
  ['30901', '房屋建筑物购建'],
  ['30902', '办公设备购置'],
  ['30903', '专用设备购置'],
  ['30905', '基础设施建设'],
  ['30906', '大型修缮'],
  ['30907', '信息网络及软件购置更新'],
  ['30908', '物资储备'],
  ['30913', '公务用车购置'],
  ['30919', '其他交通工具购置'],
  ['30921', '文物和陈列品购置'],
  ['30922', '无形资产购置'],
  ['30999', '其他基本建设支出'],
  ['31101', '资本金注入（基本建设）'],
  ['31199', '其他对企业补助'],
];

/**
 * The years for which the shipped tables hold a whole level of a classification, so that a code
 * missing from them is known not to exist (elsewhere an unknown code is only "not checked"):
 * - 支出功能分类 类: the national list with its renames, 2018 to the latest year shipped;
 * - 部门预算支出经济分类 类 and 款 (codes 3xx): the national list, from its introduction in 2018.
 * The function 款 and 项 are the observed ones only (a partial list); the 政府预算支出经济分类 (5xx),
 * local 7-digit economic subdivisions and the procurement catalogue below its classes are not shipped.
 */
export const COMPLETE_FROM = 2018;
export const COMPLETE_TO = 2026;

/**
 * Names that changed: the older name stays valid for the years before the change, so a document of
 * that year is checked against the name of its own year.
 */
const HISTORIC: ReadonlyArray<readonly [ClassificationSystem, string, string, number]> = [
  // [system, code, old name, last year the old name was valid]
  ['function', '207', '文化体育与传媒支出', 2018],
  ['function', '210', '医疗卫生与计划生育支出', 2018],
  ['function', '220', '国土海洋气象等支出', 2018],
  ['function', '215', '资源勘探信息等支出', 2018],
];

/** Classes introduced after 2018: [code, first budget year]. */
const INTRODUCED: ReadonlyArray<readonly [ClassificationSystem, string, number]> = [
  ['function', '224', 2019], // 灾害防治及应急管理支出 (2019 reform, after the 2018 institutional reform)
  ['function', '234', 2020], // 抗疫特别国债安排的支出
];

const key = (s: string) => squash(normalizeText(s));

function levelOfFunction(code: string): CodeLevel {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : '项';
}

/** Parent code by the shape of the code alone (201 ← 20103 ← 2010399; A ← A02). */
export function parentCode(system: ClassificationSystem, code: string): string | null {
  if (system === 'procurement') return code.length > 1 ? code.slice(0, code.length - 2 || 1) : null;
  if (code.length === 7) return code.slice(0, 5);
  if (code.length === 5) return code.slice(0, 3);
  return null;
}

/** The level a code's shape implies, or null when the shape is wrong for the system. */
export function levelOf(system: ClassificationSystem, code: string): CodeLevel | null {
  if (system === 'function') return /^\d{3}(\d{2}){0,2}$/.test(code) ? levelOfFunction(code) : null;
  if (system === 'econ') return /^\d{3}$/.test(code) ? '类' : /^\d{5}$/.test(code) ? '款' : null;
  return /^[ABC]$/.test(code) ? '类' : /^[ABC]\d{2}$/.test(code) ? '款' : /^[ABC]\d{4,}$/.test(code) ? '品目' : null;
}

export class CodeTable {
  private readonly byCode = new Map<string, CodeEntry[]>();
  private readonly byName = new Map<string, CodeEntry[]>();

  constructor(entries: Iterable<CodeEntry>) {
    for (const e of entries) this.add(e);
  }

  add(e: CodeEntry): void {
    const k = `${e.system}:${e.code}`;
    this.byCode.set(k, [...(this.byCode.get(k) ?? []), e]);
    const n = `${e.system}:${key(e.name)}`;
    this.byName.set(n, [...(this.byName.get(n) ?? []), e]);
  }

  private validIn(e: CodeEntry, year: number | null): boolean {
    if (year === null) return true;
    return (e.from === null || year >= e.from) && (e.to === null || year <= e.to);
  }

  /** The entry for a code in a year (the name valid that year), or null if unknown. */
  byCodeIn(system: ClassificationSystem, code: string, year: number | null = null): CodeEntry | null {
    const all = this.byCode.get(`${system}:${code}`) ?? [];
    return all.find((e) => this.validIn(e, year)) ?? null;
  }

  /** Every name a code has had, in any year. */
  namesOf(system: ClassificationSystem, code: string): CodeEntry[] {
    return this.byCode.get(`${system}:${code}`) ?? [];
  }

  /**
   * Entries whose name matches (NFKC, white space ignored) in a year. Several codes can share a
   * name (住房公积金 is both function 2210201 and econ 30113): pass `system` and, where the name
   * repeats within a system, disambiguate by `parent`.
   */
  byNameIn(system: ClassificationSystem, name: string, year: number | null = null, parent?: string | null): CodeEntry[] {
    const all = (this.byName.get(`${system}:${key(name)}`) ?? []).filter((e) => this.validIn(e, year));
    return parent === undefined ? all : all.filter((e) => e.parent === parent);
  }

  /** Children of a code, in code order. */
  children(system: ClassificationSystem, code: string | null, year: number | null = null): CodeEntry[] {
    const out: CodeEntry[] = [];
    for (const list of this.byCode.values()) {
      const e = list.find((x) => this.validIn(x, year));
      if (e && e.system === system && e.parent === code) out.push(e);
    }
    return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  /** Names no longer valid (a last year is recorded), of one system: the historic names. */
  retired(system: ClassificationSystem): CodeEntry[] {
    const out: CodeEntry[] = [];
    for (const list of this.byCode.values()) for (const e of list) if (e.system === system && e.to !== null) out.push(e);
    return out;
  }

  /** The parent entry of a code, or null at the top. */
  parent(system: ClassificationSystem, code: string, year: number | null = null): CodeEntry | null {
    const e = this.byCodeIn(system, code, year);
    const p = e?.parent ?? parentCode(system, code);
    return p ? this.byCodeIn(system, p, year) : null;
  }

  get size(): number {
    let n = 0;
    for (const l of this.byCode.values()) n += l.length;
    return n;
  }
}

function seed(): CodeEntry[] {
  const out: CodeEntry[] = [];
  const historic = new Map(HISTORIC.map(([s, c, n, to]) => [`${s}:${c}`, { n, to }]));
  const introduced = new Map(INTRODUCED.map(([s, c, from]) => [`${s}:${c}`, from]));
  // Observed codes first; the national lists add what no observed document printed.
  const seen = new Set(OBSERVED.map(([system, code]) => `${system}:${code}`));
  const national: Array<readonly ['function' | 'econ', string, string, CodeLevel, string | null]> = [
    ...NATIONAL_CLASSES.map(([code, name]) => ['function', code, name, '类', null] as const),
    ...NATIONAL_ECON.map(([code, name]) => ['econ', code, name, code.length === 3 ? '类' : '款', code.length === 3 ? null : code.slice(0, 3)] as const),
  ].filter(([system, code]) => !seen.has(`${system}:${code}`));
  for (const [system, code, name, level, parent] of [...OBSERVED, ...national]) {
    const h = historic.get(`${system}:${code}`);
    const changed = h && key(h.n) !== key(name);
    out.push({ system, code, name, level, parent, from: changed ? h.to + 1 : (introduced.get(`${system}:${code}`) ?? null), to: null });
    if (changed) out.push({ system, code, name: h.n, level, parent, from: null, to: h.to });
  }
  for (const [code, name, parent] of PROCUREMENT) {
    out.push({ system: 'procurement', code, name, level: parent ? '款' : '类', parent, from: null, to: null });
  }
  return out;
}

/**
 * Whether the shipped tables settle the existence of a code in a year: 'complete' where they hold the
 * whole level of the classification that year (a code missing there does not exist), 'partial' where
 * they hold only the codes observed in documents, 'none' where they hold nothing of that system or
 * level (政府预算支出经济分类 5xx, local 7-digit economic subdivisions, years outside the tables).
 */
export function coverage(system: ClassificationSystem, code: string, year: number | null): 'complete' | 'partial' | 'none' {
  const inYears = year !== null && year >= COMPLETE_FROM && year <= COMPLETE_TO;
  if (system === 'function') return inYears && /^\d{3}$/.test(code) ? 'complete' : 'partial';
  if (system === 'econ') {
    if (/^3\d\d(\d\d)?$/.test(code)) return inYears ? 'complete' : 'partial';
    if (/^3\d{6}$/.test(code) || /^5\d\d(\d\d)?$/.test(code)) return 'none';
  }
  return 'partial';
}

/** The code tables fiscus ships (observed codes, procurement classes, historic names). */
export const codes = new CodeTable(seed());
