/**
 * Tables 1 (收支总表) and 6 (政府预算拨款收支总表): each printed line may hold a revenue label and
 * amount and/or an expenditure label and amount. The revenue side is recognised by its fixed
 * vocabulary of sources; the expenditure side by function names (the code table of the year), with
 * wrapped names joined until they are complete.
 */
import type { Money, Row } from '../../../domain/model.js';
import type { SourceLine } from '../../text/source.js';
import { functionByName, isNumberWord, isPrefixOfAny, joinLabel, nameSetOf, srcOfWords, stripNumbering, type TableBuilder, type Word } from './lines.js';
import { pushAll } from '../../../domain/arrays.js';

interface RevenueTerm {
  key: string | null;
  kind: Row['kind'];
  level: number;
  parent?: string;
}

/** Revenue-side labels (without numbering) → the revenue column key of docs/model.md. */
const REVENUE: ReadonlyMap<string, RevenueTerm> = new Map<string, RevenueTerm>([
  ['政府预算拨款', { key: 'govApprop', kind: 'item', level: 0 }],
  ['一般公共预算拨款', { key: 'general', kind: 'item', level: 1, parent: 'govApprop' }],
  ['政府性基金预算拨款', { key: 'govFund', kind: 'item', level: 1, parent: 'govApprop' }],
  ['国有资本经营预算拨款', { key: 'stateCapital', kind: 'item', level: 1, parent: 'govApprop' }],
  ['财政专户管理资金', { key: 'specialAccount', kind: 'item', level: 0 }],
  ['单位资金', { key: 'unitFunds', kind: 'item', level: 0 }],
  ['事业收入', { key: 'business', kind: 'item', level: 1, parent: 'unitFunds' }],
  ['事业单位经营收入', { key: 'operating', kind: 'item', level: 1, parent: 'unitFunds' }],
  ['上级补助收入', { key: 'superior', kind: 'item', level: 1, parent: 'unitFunds' }],
  ['附属单位上缴收入', { key: 'subordinate', kind: 'item', level: 1, parent: 'unitFunds' }],
  ['其他收入', { key: 'otherIncome', kind: 'item', level: 1, parent: 'unitFunds' }],
  ['本年收入合计', { key: null, kind: 'subtotal', level: 0 }],
  ['上年结余、结转', { key: 'carryOver', kind: 'carry', level: 0 }],
  ['上年结余结转', { key: 'carryOver', kind: 'carry', level: 0 }],
  ['上年结转', { key: 'carryOver', kind: 'carry', level: 0 }],
  ['收入总计', { key: null, kind: 'total', level: 0 }],
]);

/** Expenditure-side labels that are not function names. */
const EXPENDITURE_SPECIAL: ReadonlyMap<string, Row['kind']> = new Map<string, Row['kind']>([
  ['上缴上级支出', 'item'],
  ['对附属单位补助支出', 'item'],
  ['本年支出合计', 'subtotal'],
  ['结转下年', 'carry'],
  ['年末结转和结余', 'carry'],
  ['支出总计', 'total'],
]);

const revenueTerm = (words: Word[]): RevenueTerm | undefined => REVENUE.get(stripNumbering(joinLabel(words)));

interface Pending {
  words: Word[];
  amount: Word | null;
}

/** Reads the data lines of a two-sided table into revenue and expenditure rows, in printed order. */
export function parseTwoSided(t: TableBuilder, lines: SourceLine[], year: number | null): void {
  const functionNames = nameSetOf('function', year);
  const knownExpenditure = (label: string) => functionNames.has(label) || EXPENDITURE_SPECIAL.has(label);
  const revenueParents = new Map<string, Row>();
  const cur = { cls: null as string | null, kuan: null as string | null };
  const rowOf = new Map<string, Row>(); // function code → row, for parents
  let exp: Pending | null = null;

  const addRevenue = (words: Word[], amount: Word | null) => {
    const label = joinLabel(words);
    const term = revenueTerm(words)!;
    const parent = term.parent ? (revenueParents.get(term.parent) ?? null) : null;
    const row = t.add({
      side: 'revenue',
      kind: term.kind,
      label,
      code: term.key,
      ...(term.key ? { codeSystem: 'revenue' as const } : {}),
      level: parent ? term.level : 0,
      parent: parent?.id ?? null,
      amounts: { amount: amount ? t.money(amount) : null },
      src: srcOfWords(amount ? [...words, amount] : words, words[0]!.line),
    });
    if (term.key) revenueParents.set(term.key, row);
  };

  const closeExpenditure = () => {
    if (!exp) return;
    const { words, amount } = exp;
    exp = null;
    const label = joinLabel(words);
    const amounts: Record<string, Money | null> = { amount: amount ? t.money(amount) : null };
    const src = srcOfWords(amount ? [...words, amount] : words, words[0]!.line);
    const special = EXPENDITURE_SPECIAL.get(label);
    if (special) {
      t.add({ side: 'expenditure', kind: special, label, code: null, level: 0, parent: null, amounts, src });
      return;
    }
    const e = functionByName(label, year, cur);
    if (!e) {
      t.warn(`expenditure "${label}" is not a function name of ${year ?? 'the year'}; kept without a code`, src);
      t.add({ side: 'expenditure', kind: 'item', label, code: null, codeSystem: 'function', level: 0, parent: null, amounts, src });
      return;
    }
    if (e.level === '类') {
      cur.cls = e.code;
      cur.kuan = null;
    } else if (e.level === '款') {
      cur.cls = e.parent;
      cur.kuan = e.code;
    }
    const level = e.level === '类' ? 0 : e.level === '款' ? 1 : 2;
    const parent = e.parent ? (rowOf.get(e.parent) ?? null) : null;
    const row = t.add({
      side: 'expenditure',
      kind: 'item',
      label,
      code: e.code,
      codeSystem: 'function',
      codeResolved: 'by-name',
      level,
      parent: parent?.id ?? null,
      amounts,
      src,
    });
    rowOf.set(e.code, row);
  };

  // Expenditure text either continues a wrapped name still being read or starts a new row.
  const expenditureText = (words: Word[], amount: Word | null) => {
    if (exp && exp.amount === null) {
      const sofar = joinLabel(exp.words);
      const joined = sofar + joinLabel(words);
      const continues = knownExpenditure(joined) || isPrefixOfAny(joined, functionNames) || !knownExpenditure(sofar);
      if (continues) {
        pushAll(exp.words, words);
        exp.amount = amount;
        if (amount) closeExpenditure();
        return;
      }
    }
    closeExpenditure();
    exp = { words, amount };
    if (amount) closeExpenditure();
  };

  /** Splits a run of text words into a leading revenue label (longest match) and the rest. */
  const splitRevenue = (words: Word[]): { revenue: Word[] | null; rest: Word[] } => {
    for (let i = words.length; i > 0; i--) {
      if (revenueTerm(words.slice(0, i))) return { revenue: words.slice(0, i), rest: words.slice(i) };
    }
    return { revenue: null, rest: words };
  };

  for (const line of lines) {
    const segments = segmentsOf(line);
    if (segments.length === 0) continue;
    const [a, b, c, d] = segments;
    if (segments.length > 4 || (a!.kind === 'amount' && segments.length > 1)) {
      t.skip(line, `应为收入项目及金额和（或）支出项目及金额，实为“${line.text}”`);
      continue;
    }
    if (a!.kind === 'amount') {
      // An amount alone on its line belongs to the expenditure name wrapped above it.
      // (TypeScript cannot see the closures above assign `exp`.)
      const open = exp as Pending | null;
      if (!open || open.amount) {
        t.skip(line, `金额“${a!.words[0]!.text}”前没有项目名称，无法确定所属的行`);
        continue;
      }
      open.amount = a!.words[0]!;
      closeExpenditure();
      continue;
    }
    const { revenue, rest } = splitRevenue(a!.words);
    if (c) {
      // "revenue amount expenditure [amount]": the first text is the revenue side only.
      if (!revenue || rest.length > 0) {
        t.warn(`revenue "${joinLabel(a!.words)}" is not a known revenue source; kept without a code`, srcOfWords(a!.words, line));
        unknownRevenue(t, a!.words, b!.words[0]!);
      } else addRevenue(revenue, b!.words[0]!);
      expenditureText(c.words, d?.words[0] ?? null);
      continue;
    }
    const amount = b?.words[0] ?? null;
    if (revenue && rest.length === 0) {
      addRevenue(revenue, amount);
    } else if (revenue) {
      addRevenue(revenue, null);
      expenditureText(rest, amount);
    } else {
      expenditureText(rest, amount);
    }
  }
  closeExpenditure();
  // An expenditure name is only complete once the next line is read, so rows are put back in printed order.
  t.sortByLine();
}

function unknownRevenue(t: TableBuilder, words: Word[], amount: Word): void {
  t.add({
    side: 'revenue',
    kind: 'item',
    label: joinLabel(words),
    code: null,
    level: 0,
    parent: null,
    amounts: { amount: t.money(amount) },
    src: srcOfWords([...words, amount], words[0]!.line),
  });
}

type Segment = { kind: 'text' | 'amount'; words: Word[] };

/** A line as alternating runs of text and single amounts. */
function segmentsOf(line: SourceLine): Segment[] {
  const out: Segment[] = [];
  for (const w of line.text
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => ({ text, line }))) {
    if (isNumberWord(w)) out.push({ kind: 'amount', words: [w] });
    else {
      const last = out[out.length - 1];
      if (last?.kind === 'text') last.words.push(w);
      else out.push({ kind: 'text', words: [w] });
    }
  }
  return out;
}
