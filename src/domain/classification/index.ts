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
 * Names that changed: the older name stays valid for the years before the change, so a document of
 * that year is checked against the name of its own year.
 */
const HISTORIC: ReadonlyArray<readonly [ClassificationSystem, string, string, number]> = [
  // [system, code, old name, last year the old name was valid]
  ['function', '210', '医疗卫生与计划生育支出', 2018],
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
  for (const [system, code, name, level, parent] of OBSERVED) {
    const h = historic.get(`${system}:${code}`);
    const changed = h && key(h.n) !== key(name);
    out.push({ system, code, name, level, parent, from: changed ? h.to + 1 : null, to: null });
    if (changed) out.push({ system, code, name: h.n, level, parent, from: null, to: h.to });
  }
  for (const [code, name, parent] of PROCUREMENT) {
    out.push({ system: 'procurement', code, name, level: parent ? '款' : '类', parent, from: null, to: null });
  }
  return out;
}

/** The code tables fiscus ships (observed codes, procurement classes, historic names). */
export const codes = new CodeTable(seed());
