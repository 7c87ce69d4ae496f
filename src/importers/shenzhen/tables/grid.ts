/**
 * Tables 2–5 and 7–13: one label column (unit, class, code or project) and amount columns. Rows are
 * collected from the lines first (wrapped labels joined until the line that closes the row: its
 * amounts, its year or its execution period), then typed per table shape.
 */
import type { Row, Text } from '../../../domain/model.js';
import { codes, parentCode } from '../../../domain/classification/index.js';
import type { SourceLine } from '../../text/source.js';
import { srcOf } from '../context.js';
import { bare, isNumberWord, isPrefixOfAny, joinLabel, nameSetOf, srcOfWords, trailingAmounts, wordsOf, type TableBuilder, type Word } from './lines.js';
import { pushAll } from '../../../domain/arrays.js';

/** A row as printed: its code (when the code column printed one), label words and closing cells. */
interface RawRow {
  code: Word | null;
  words: Word[];
  amounts: Word[];
  year: Word | null;
  period: Word | null;
  /** The label words printed on the line that closed the row (table 13: the project name). */
  closingWords: Word[];
  all: Word[];
}

interface CollectOptions {
  /** A code printed at the start of a row. */
  code?: RegExp;
  /** Reads the end of a line: the label words and what closes the row. */
  tail: (words: Word[]) => { text: Word[]; amounts: Word[]; year?: Word; period?: Word; closes: boolean };
  /** Names whose completion ends a row that printed no cells (null: rows always print a cell). */
  names?: { complete: (r: RawRow) => boolean; all: Set<string> };
}

const TOTAL_LABELS = new Set(['合计', '总计']);
const ORG_RE = /(中心|局|委员会|办公室|办事处|处|站|所|院|队|馆|部|会|学校|中学|小学|幼儿园|医院|公司)$/;
const PROJECT_GROUPS = new Set(['一般性项目', '履职类项目', '财政专项资金项目', '专项资金项目', '政府投资项目', '事业发展类项目']);
const FUNCTION_CODE = /^\d{3}(?:\d{2}){0,2}$/;
const PROCUREMENT_CODE = /^[A-Z](?:\d{2})*$/;
const YEAR = /^(?:19|20)\d{2}$/;
const PERIOD = /^\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}[-~—至]\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}$/;

function collect(t: TableBuilder, lines: SourceLine[], o: CollectOptions): RawRow[] {
  const out: RawRow[] = [];
  let cur: RawRow | null = null;
  const fresh = (): RawRow => ({ code: null, words: [], amounts: [], year: null, period: null, closingWords: [], all: [] });
  const emit = () => {
    if (cur && cur.all.length > 0) out.push(cur);
    cur = null;
  };
  for (const line of lines) {
    const words = wordsOf(line);
    // A code opens a row when it stands alone or is followed by a name (not by more amounts).
    const startsCode = o.code !== undefined && words[0] !== undefined && o.code.test(words[0].text) && (words.length === 1 || !isNumberWord(words[1]!));
    const tail = o.tail(startsCode ? words.slice(1) : words);
    if (cur !== null && (startsCode || (o.names && tail.text.length > 0 && endsHere(cur, tail.text, o.names)))) emit();
    const r: RawRow = cur ?? fresh();
    cur = r;
    if (startsCode) {
      r.code = words[0]!;
      r.all.push(words[0]!);
    }
    pushAll(r.words, tail.text);
    pushAll(r.all, tail.text);
    if (tail.closes && r.words.length === 0 && r.code === null) {
      // Figures with no name before them belong to no row that can be told.
      t.skip(line, `金额“${[...tail.amounts, ...(tail.year ? [tail.year] : [])].map((w) => w.text).join(' ')}”前没有项目名称，无法确定所属的行`);
      cur = null;
      continue;
    }
    if (tail.closes) {
      r.amounts = tail.amounts;
      r.year = tail.year ?? null;
      r.period = tail.period ?? null;
      r.closingWords = tail.text;
      pushAll(r.all, [...tail.amounts, ...(tail.year ? [tail.year] : []), ...(tail.period ? [tail.period] : [])]);
      emit();
    }
  }
  emit();
  return out;
}

/** A row that printed no cells ends when its name is complete and the next text does not extend it. */
function endsHere(cur: RawRow, next: Word[], names: NonNullable<CollectOptions['names']>): boolean {
  if (!names.complete(cur)) return false;
  const joined = joinLabel(cur.words) + joinLabel(next);
  return !names.all.has(joined) && !isPrefixOfAny(joined, names.all);
}

const amountsTail = (words: Word[]) => {
  const { text, amounts } = trailingAmounts(words);
  return { text, amounts, closes: amounts.length > 0 };
};

/** Shared state of the table parsers of one document. */
export interface GridContext {
  year: number | null;
  /** Budget-unit names seen so far (bare), from 单位名称 lines and per-unit tables. */
  units: Set<string>;
}

function rowSrc(r: RawRow, line: SourceLine) {
  return srcOfWords(r.all, line);
}

const textOf = (w: Word): Text => ({ text: w.text, src: srcOf(w.line, w.text) });

/** Tables 2 and 3: one row per budget unit (and a 合计 row when the department has several). */
export function parsePerUnit(t: TableBuilder, lines: SourceLine[], g: GridContext): void {
  let total: Row | null = null;
  for (const r of collect(t, lines, { tail: amountsTail })) {
    const label = joinLabel(r.words);
    const src = rowSrc(r, lines[0]!);
    if (TOTAL_LABELS.has(label)) {
      total = t.add({ kind: 'total', label, level: 0, parent: null, amounts: t.place(r.amounts, label, null), src });
      continue;
    }
    g.units.add(label);
    t.add({ kind: 'unit', label, unit: label, level: total ? 1 : 0, parent: total?.id ?? null, amounts: t.place(r.amounts, label, total), src });
  }
}

/** Table 4: unit → economic 类 (group) → 款 (item), codes resolved by name within the 类. */
export function parseEconomic(t: TableBuilder, lines: SourceLine[], g: GridContext): void {
  const econNames = nameSetOf('econ', g.year);
  const names = { all: new Set([...econNames, ...g.units]), complete: (r: RawRow) => names.all.has(joinLabel(r.words)) };
  let unit: Row | null = null;
  let cls: Row | null = null;
  for (const r of collect(t, lines, { tail: amountsTail, names })) {
    const label = joinLabel(r.words);
    const src = rowSrc(r, lines[0]!);
    if (TOTAL_LABELS.has(label)) {
      t.add({ kind: 'total', label, level: 0, parent: null, amounts: t.place(r.amounts, label, null), src });
      continue;
    }
    const asClass = codes.byNameIn('econ', label, g.year).find((e) => e.level === '类');
    if (g.units.has(label) || (!econNames.has(label) && (unit === null || ORG_RE.test(label)))) {
      g.units.add(label);
      unit = t.add({ kind: 'unit', label, unit: label, level: 0, parent: null, amounts: t.place(r.amounts, label, null), src });
      cls = null;
    } else if (asClass) {
      cls = t.add({
        kind: 'group',
        label,
        code: asClass.code,
        codeSystem: 'econ',
        codeResolved: 'by-name',
        level: 1,
        parent: unit?.id ?? null,
        unit: unit?.label,
        amounts: t.place(r.amounts, label, unit),
        src,
      });
    } else {
      const under = cls?.code ? codes.byNameIn('econ', label, g.year, cls.code)[0] : undefined;
      const anywhere = codes.byNameIn('econ', label, g.year).find((e) => e.level === '款');
      const e = under ?? anywhere ?? null;
      if (!e) t.warn(`"${label}" is not an economic classification name of ${g.year ?? 'the year'}; kept without a code`, src);
      else if (!under) t.warn(`"${label}" (${e.code}) is printed under ${cls?.label ?? 'no class'}, not under its class ${e.parent}`, src);
      const parent = cls ?? unit;
      t.add({
        kind: 'item',
        label,
        code: e?.code ?? null,
        codeSystem: 'econ',
        ...(e ? { codeResolved: 'by-name' as const } : {}),
        level: cls ? 2 : 1,
        parent: parent?.id ?? null,
        unit: unit?.label,
        amounts: t.place(r.amounts, label, parent),
        src,
      });
    }
  }
}

/** Table 5: unit → project group (一般性项目) → projects. */
export function parseProjects(t: TableBuilder, lines: SourceLine[], g: GridContext): void {
  let unit: Row | null = null;
  let group: Row | null = null;
  for (const r of collect(t, lines, { tail: amountsTail })) {
    const label = joinLabel(r.words);
    const src = rowSrc(r, lines[0]!);
    if (TOTAL_LABELS.has(label)) {
      t.add({ kind: 'total', label, level: 0, parent: null, amounts: t.place(r.amounts, label, null), src });
    } else if (g.units.has(label) || unit === null) {
      g.units.add(label);
      unit = t.add({ kind: 'unit', label, unit: label, level: 0, parent: null, amounts: t.place(r.amounts, label, null), src });
      group = null;
    } else if (PROJECT_GROUPS.has(label)) {
      group = t.add({ kind: 'group', label, level: 1, parent: unit.id, unit: unit.label, amounts: t.place(r.amounts, label, unit), src });
    } else {
      const parent = group ?? unit;
      t.add({
        kind: 'item',
        label,
        code: null,
        codeSystem: 'project',
        level: parent.level + 1,
        parent: parent.id,
        unit: unit.label,
        amounts: t.place(r.amounts, label, parent),
        src,
      });
    }
  }
}

/** Tables 7–9: unit rows and printed function codes 类/款/项 with their names. */
export function parseFunction(t: TableBuilder, lines: SourceLine[], g: GridContext): void {
  const functionNames = nameSetOf('function', g.year);
  const complete = (r: RawRow) => {
    const label = joinLabel(r.words);
    if (!r.code) return g.units.has(label);
    const e = codes.byCodeIn('function', r.code.text, g.year);
    return e ? bare(e.name) === label : functionNames.has(label);
  };
  const names = { all: new Set([...functionNames, ...g.units]), complete };
  codeTree(t, lines, g, {
    system: 'function',
    code: FUNCTION_CODE,
    names,
    level: (code) => 1 + (code.length - 3) / 2,
    unknown: (code, label) => `function code ${code} "${label}" is not in the code table of ${g.year ?? 'the year'}`,
    authority: 'the code table',
  });
}

/** Table 10: unit rows, and transfer rows "unit? code subject project amount". */
export function parseTransfers(t: TableBuilder, lines: SourceLine[], g: GridContext): void {
  let unit: Row | null = null;
  for (const r of collect(t, lines, { code: FUNCTION_CODE, tail: amountsTail })) {
    const src = rowSrc(r, lines[0]!);
    const words = r.code ? [r.code, ...r.words] : r.words;
    const at = words.findIndex((w) => FUNCTION_CODE.test(w.text));
    if (at < 0) {
      const label = joinLabel(words);
      g.units.add(label);
      unit = t.add({ kind: 'unit', label, unit: label, level: 0, parent: null, amounts: t.place(r.amounts, label, null), src });
      continue;
    }
    const code = words[at]!.text;
    const unitName = at > 0 ? joinLabel(words.slice(0, at)) : (unit?.label ?? null);
    const rest = joinLabel(words.slice(at + 1));
    const e = codes.byCodeIn('function', code, g.year);
    let subject = '';
    let project = rest;
    if (e && rest.startsWith(bare(e.name))) {
      subject = bare(e.name);
      project = rest.slice(subject.length);
    } else {
      t.warn(`cannot tell the subject name of function code ${code} from the project name in "${rest}"`, src);
    }
    const texts: Record<string, Text> = { project: { text: project, src } };
    if (subject) texts.subject = { text: subject, src };
    t.add({
      kind: 'item',
      label: project,
      code,
      codeSystem: 'function',
      codeResolved: 'printed',
      level: 1,
      parent: unit?.id ?? null,
      ...(unitName ? { unit: unitName } : {}),
      amounts: t.place(r.amounts, project, unit),
      texts,
      src,
    });
  }
}

/** Table 11: unit rows and procurement categories A/B/C with their classes. */
export function parseProcurement(t: TableBuilder, lines: SourceLine[], g: GridContext): void {
  codeTree(t, lines, g, {
    system: 'procurement',
    code: PROCUREMENT_CODE,
    level: (code) => (code.length === 1 ? 1 : 1 + (code.length - 1) / 2),
    unknown: (code, label) => `procurement code ${code} "${label}" is not in the code table`,
    authority: 'the catalogue',
  });
}

/**
 * Rows of a table keyed by a hierarchical code (functions, procurement): totals, unit rows, and
 * coded items under their parent code (or the unit); a code missing from the table, or printed
 * under another name, is a warning naming `authority`.
 */
function codeTree(
  t: TableBuilder,
  lines: SourceLine[],
  g: GridContext,
  o: {
    system: 'function' | 'procurement';
    code: RegExp;
    names?: CollectOptions['names'];
    level: (code: string) => number;
    unknown: (code: string, label: string) => string;
    authority: string;
  },
): void {
  let unit: Row | null = null;
  const byCode = new Map<string, Row>();
  for (const r of collect(t, lines, { code: o.code, tail: amountsTail, ...(o.names ? { names: o.names } : {}) })) {
    const label = joinLabel(r.words);
    const src = rowSrc(r, lines[0]!);
    if (!r.code) {
      if (TOTAL_LABELS.has(label)) {
        t.add({ kind: 'total', label, level: 0, parent: null, amounts: t.place(r.amounts, label, null), src });
        continue;
      }
      g.units.add(label);
      unit = t.add({ kind: 'unit', label, unit: label, level: 0, parent: null, amounts: t.place(r.amounts, label, null), src });
      byCode.clear();
      continue;
    }
    const code = r.code.text;
    const e = codes.byCodeIn(o.system, code, g.year);
    if (!e) t.warn(o.unknown(code, label), src);
    else if (bare(e.name) !== label) t.warn(`${o.system} code ${code} is printed as "${label}", ${o.authority} names it "${e.name}"`, src);
    const pc = parentCode(o.system, code);
    const parent = (pc ? byCode.get(pc) : undefined) ?? unit;
    const row = t.add({
      kind: 'item',
      label,
      code,
      codeSystem: o.system,
      codeResolved: 'printed',
      level: o.level(code),
      parent: parent?.id ?? null,
      ...(unit ? { unit: unit.label } : {}),
      amounts: t.place(r.amounts, `${code} ${label}`, parent ?? null),
      src,
    });
    byCode.set(code, row);
  }
}

/** Table 12: one row per unit and year; a year with no 三公 spending prints no cells at all. */
export function parseThreePublic(t: TableBuilder, lines: SourceLine[], g: GridContext): void {
  const tail = (words: Word[]) => {
    const at = words.map((w) => YEAR.test(w.text)).lastIndexOf(true);
    if (at < 0) return { text: words, amounts: [], closes: false };
    // Whatever follows the year is the row's cells: a word that is not an amount makes the row unreadable.
    return { text: words.slice(0, at), amounts: words.slice(at + 1), year: words[at]!, closes: true };
  };
  for (const r of collect(t, lines, { tail })) {
    const label = joinLabel(r.words);
    if (r.year === null) {
      // A name the table ends on without its year and cells (a damaged or cut-off table).
      t.skip(r.all[r.all.length - 1]!.line, `“${label}”后没有年度与金额，无法读取`);
      continue;
    }
    const src = rowSrc(r, lines[0]!);
    const kind = TOTAL_LABELS.has(label) ? 'total' : 'unit';
    if (kind === 'unit') g.units.add(label);
    t.add({
      kind,
      label,
      ...(kind === 'unit' ? { unit: label } : {}),
      level: 0,
      parent: null,
      amounts: t.place(r.amounts, `${label} ${r.year.text}`, null),
      texts: { year: textOf(r.year) },
      src,
    });
  }
}

/** Table 13: a unit total row, then one row per project with its execution period. */
export function parsePerformance(t: TableBuilder, lines: SourceLine[], g: GridContext): void {
  const tail = (words: Word[]) => {
    const last = words[words.length - 1];
    const period = last && PERIOD.test(last.text) ? last : undefined;
    const { text, amounts } = trailingAmounts(period ? words.slice(0, -1) : words);
    return { text, amounts, ...(period ? { period } : {}), closes: amounts.length > 0 || period !== undefined };
  };
  const units = new Map<string, Row>();
  let lastUnit: Row | null = null;
  for (const r of collect(t, lines, { tail })) {
    const label = joinLabel(r.words);
    const src = rowSrc(r, lines[0]!);
    if (TOTAL_LABELS.has(label)) {
      t.add({ kind: 'total', label, level: 0, parent: null, amounts: t.place(r.amounts, label, null), src });
      continue;
    }
    // The unit column wraps and the project name follows on the line with the cells.
    const known = [...g.units].filter((u) => label.startsWith(u)).sort((a, b) => b.length - a.length)[0];
    let unitName: string | null;
    let project: string;
    if (known !== undefined) {
      unitName = known;
      project = label.slice(known.length);
    } else if (r.closingWords.length > 0 && r.closingWords.length < r.words.length) {
      unitName = joinLabel(r.words.slice(0, r.words.length - r.closingWords.length));
      project = joinLabel(r.closingWords);
    } else if (r.period === null) {
      unitName = label;
      project = '';
    } else {
      unitName = lastUnit?.label ?? null;
      project = label;
    }
    if (project === '' && unitName !== null) {
      g.units.add(unitName);
      lastUnit = t.add({ kind: 'unit', label: unitName, unit: unitName, level: 0, parent: null, amounts: t.place(r.amounts, unitName, null), src });
      units.set(unitName, lastUnit);
      if (r.period) lastUnit.texts = { period: textOf(r.period) };
      continue;
    }
    const parent = (unitName !== null ? units.get(unitName) : undefined) ?? null;
    t.add({
      kind: 'item',
      label: project,
      code: null,
      codeSystem: 'project',
      level: parent ? 1 : 0,
      parent: parent?.id ?? null,
      ...(unitName ? { unit: unitName } : {}),
      amounts: t.place(r.amounts, project, parent),
      ...(r.period ? { texts: { period: textOf(r.period) } } : {}),
      src,
    });
  }
}
