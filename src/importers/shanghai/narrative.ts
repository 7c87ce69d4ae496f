/**
 * The Shanghai narrative: the figures its paragraphs (importers/_lib/paragraphs.ts) state as `facts`
 * (the budget-vs-actual comparisons of a final account are the genre's: importers/_lib/comparisons.ts).
 */
import type { Fact, NarrativePart } from '../../domain/model.js';
import { wan } from '../_lib/comparisons.js';
import { squash } from '../../domain/text.js';
import type { SourceLine } from '../text/source.js';
import { srcOf } from './context.js';
import { spanSrc, type JoinedParagraph } from '../_lib/paragraphs.js';

/** 万元 figure of the text ("15621.11", "0", "0.3") as Money with provenance. */

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)`;

interface FactPattern {
  key: string;
  re: RegExp;
  /** Sign from a direction word captured as group 2. */
  signed?: boolean;
  percent?: boolean;
}

function sign(word: string | undefined): 1 | -1 | 0 {
  if (!word) return 1;
  if (/减少|下降|降低/.test(word)) return -1;
  if (/持平/.test(word)) return 0;
  return 1;
}

/** Collects the facts a paragraph states by pattern; each match is one fact at its own line. */
function collect(p: JoinedParagraph, pats: FactPattern[], out: Fact[]): void {
  for (const pat of pats) {
    const re = new RegExp(pat.re.source, 'g');
    for (const m of p.text.matchAll(re)) {
      const num = m[1]!;
      const src = spanSrc(p, m.index, m.index + m[0].length);
      const s = pat.signed ? sign(m[2]) : 1;
      if (pat.percent) {
        out.push({ key: pat.key, label: m[0].replace(num, '').replace(/%$/, ''), percent: s < 0 ? `-${num}` : num, src });
        continue;
      }
      const money = wan(num, src);
      if (!money) continue;
      if (s < 0) money.fen = -money.fen;
      if (s === 0) money.fen = 0;
      out.push({ key: pat.key, label: m[0].replace(num, '').replace(/万元$/, ''), money, src });
    }
  }
}

const BUDGET_FACTS: FactPattern[] = [
  { key: 'revenue.total', re: new RegExp(String.raw`收入预算${NUM}万元`) },
  { key: 'revenue.appropriation', re: new RegExp(String.raw`其中[:：]?财政拨款收入${NUM}万元`) },
  { key: 'revenue.business', re: new RegExp(String.raw`(?<!经营)事业收入${NUM}万元`) },
  { key: 'revenue.operating', re: new RegExp(String.raw`事业单位经营收入${NUM}万元`) },
  { key: 'revenue.other-income', re: new RegExp(String.raw`其他收入${NUM}万元`) },
  { key: 'expenditure.total', re: new RegExp(String.raw`(?<!拨款)支出预算${NUM}万元`) },
  { key: 'expenditure.appropriation', re: new RegExp(String.raw`财政拨款支出预算${NUM}万元`) },
  { key: 'expenditure.general', re: new RegExp(String.raw`一般公共预算拨款支出预算${NUM}万元`) },
  { key: 'expenditure.gov-fund', re: new RegExp(String.raw`政府性基金拨款支出预算${NUM}万元`) },
  { key: 'expenditure.state-capital', re: new RegExp(String.raw`国有资本经营预算拨款支出预算${NUM}万元`) },
  { key: 'three-public.total', re: new RegExp(String.raw`“三公”经费预算数为${NUM}万元`) },
  { key: 'three-public.overseas', re: new RegExp(String.raw`因公出国[(（]境[)）]费${NUM}万元`) },
  { key: 'three-public.vehicles', re: new RegExp(String.raw`公务用车购置及运行费${NUM}万元`) },
  { key: 'three-public.vehicle-purchase', re: new RegExp(String.raw`公务用车购置费${NUM}万元`) },
  { key: 'three-public.vehicle-running', re: new RegExp(String.raw`公务用车运行(?:维护)?费${NUM}万元`) },
  { key: 'three-public.reception', re: new RegExp(String.raw`公务接待费${NUM}万元`) },
  { key: 'operating-funds', re: new RegExp(String.raw`机关运行经费预算为${NUM}万元`) },
  { key: 'procurement.total', re: new RegExp(String.raw`政府采购预算${NUM}万元`) },
  { key: 'procurement.goods', re: new RegExp(String.raw`政府采购货物预算${NUM}万元`) },
  { key: 'procurement.works', re: new RegExp(String.raw`政府采购工程预算${NUM}万元`) },
  { key: 'procurement.services', re: new RegExp(String.raw`政府采购服务预算${NUM}万元`) },
  { key: 'performance.amount', re: new RegExp(String.raw`涉及项目预算资金${NUM}万元`) },
];

/** Facts of a Shanghai budget's narrative paragraphs (totals, 三公, 机关运行经费, procurement, items). */
export function budgetFacts(paras: JoinedParagraph[]): Fact[] {
  const out: Fact[] = [];
  for (const p of paras) {
    collect(p, BUDGET_FACTS, out);
    itemFacts(p, out);
    for (const m of p.text.matchAll(/编报绩效目标的项目(\d+)个/g))
      out.push({ key: 'performance.project-count', label: '编报绩效目标的项目', count: Number(m[1]), text: '个', src: spanSrc(p, m.index, m.index + m[0].length) });
  }
  // The 三公 change patterns: read the direction word explicitly (增加 25万元 / 持平).
  for (const p of paras) {
    for (const m of p.text.matchAll(
      /(“三公”经费预算数|因公出国[(（]境[)）]费|公务用车购置及运行费|公务用车购置费|公务用车运行费|公务接待费)[\d.,]*万元[。,，]?比\d{4}年预算(增加|减少|持平)([\d.,]*)(万元)?/g,
    )) {
      const item = m[1]!.startsWith('“三公') ? 'three-public.change.amount' : `three-public.${ITEM_KEY[m[1]!.replace(/[(（]境[)）]/, '(境)')] ?? 'other'}.change`;
      const src = spanSrc(p, m.index, m.index + m[0].length);
      const money = m[2] === '持平' ? { fen: 0, decimals: 0, src } : wan(m[3] ?? '', src);
      if (!money) continue;
      if (m[2] === '减少') money.fen = -money.fen;
      out.push({ key: item, label: `比上年${m[2]}`, money, src });
    }
  }
  return out.filter((f, i) => f.key !== 'three-public.change.amount' || out.findIndex((g) => g.key === f.key && g.src.line === f.src.line && g.money?.fen === f.money?.fen) === i);
}

const ITEM_KEY: Record<string, string> = {
  '因公出国(境)费': 'overseas',
  公务用车购置及运行费: 'vehicles',
  公务用车购置费: 'vehicle-purchase',
  公务用车运行费: 'vehicle-running',
  公务接待费: 'reception',
};

/**
 * A budget's function items: "“A（类）B（款）C（项）”25.77万元 … 2023年当年预算执行数为60.13万元，
 * 2024年预算安排25.77万元，比2023年预算执行数减少57.14%。主要原因是：项目调整。" Each figure is one
 * fact labelled with the item's path, so the item's facts can be found together.
 */
function itemFacts(p: JoinedParagraph, out: Fact[]): void {
  const head = /^\d+\s*[.、．]\s*“([^”]+)”\s*([\d,]+(?:\.\d+)?)万元/.exec(p.text);
  if (!head) return;
  const path = head[1]!.replace(/[()（）]/g, (c) => (c === '（' ? '(' : c === '）' ? ')' : c));
  const add = (key: string, m: RegExpExecArray | null, g = 1, percentSign?: string): void => {
    if (!m) return;
    const src = spanSrc(p, m.index, m.index + m[0].length);
    if (percentSign !== undefined) {
      out.push({ key, label: path, percent: percentSign === '减少' || percentSign === '下降' ? `-${m[g]}` : m[g]!, text: m[0], src });
      return;
    }
    const money = wan(m[g]!, src);
    if (money) out.push({ key, label: path, money, text: m[0], src });
  };
  add('function.item', head, 2);
  add('function.item.prior-execution', /当年预算执行数为([\d,]+(?:\.\d+)?)万元/.exec(p.text));
  add('function.item.planned', /\d{4}年预算安排([\d,]+(?:\.\d+)?)万元/.exec(p.text));
  const ch = /比\d{4}年预算执行数(增加|减少|增长|下降)([\d.]+)%/.exec(p.text);
  if (ch) add('function.item.change.percent', ch, 2, ch[1]);
  const flat = /比\d{4}年预算执行数持平/.exec(p.text);
  if (flat) out.push({ key: 'function.item.change.percent', label: path, percent: '0', text: flat[0], src: spanSrc(p, flat.index, flat.index + flat[0].length) });
  const why = /主要原因是[:：]?([^。]*)。?/.exec(p.text);
  if (why) out.push({ key: 'function.item.reason', label: path, text: why[1]!, src: spanSrc(p, why.index, why.index + why[0].length) });
}

const FINAL_FACTS: FactPattern[] = [
  { key: 'income-expenditure.total', re: new RegExp(String.raw`年度收入支出总计${NUM}万元`) },
  { key: 'revenue.total', re: new RegExp(String.raw`本年收入合计${NUM}万元`) },
  { key: 'revenue.appropriation', re: new RegExp(String.raw`其中[:：]?\s*财政拨款收入${NUM}万元`) },
  { key: 'revenue.other-income', re: new RegExp(String.raw`其他收入${NUM}万元`) },
  { key: 'expenditure.total', re: new RegExp(String.raw`本年支出合计${NUM}万元`) },
  { key: 'expenditure.basic', re: new RegExp(String.raw`(?<!拨款)基本支出${NUM}万元`) },
  { key: 'expenditure.project', re: new RegExp(String.raw`项目支出${NUM}万元`) },
  { key: 'appropriation.total', re: new RegExp(String.raw`财政拨款收入支出总计${NUM}万元`) },
  { key: 'expenditure.general', re: new RegExp(String.raw`^一般公共预算财政拨款支出${NUM}万元`) },
  { key: 'expenditure.general.basic', re: new RegExp(String.raw`一般公共预算财政拨款基本支出${NUM}万元`) },
  { key: 'expenditure.personnel', re: new RegExp(String.raw`人员经费${NUM}万元`) },
  { key: 'expenditure.public', re: new RegExp(String.raw`公用经费${NUM}万元`) },
  { key: 'operating-funds', re: new RegExp(String.raw`机关运行经费支出${NUM}万元`) },
  { key: 'procurement.total', re: new RegExp(String.raw`政府采购金额[^为]*为${NUM}万元`) },
  { key: 'procurement.goods', re: new RegExp(String.raw`货物采购金额${NUM}万元`) },
  { key: 'procurement.works', re: new RegExp(String.raw`工程采购金额${NUM}万元`) },
  { key: 'procurement.services', re: new RegExp(String.raw`服务采购金额${NUM}万元`) },
];

/** Facts of a final account's narrative, with the share and change percentages stated beside them. */
export function finalFacts(paras: JoinedParagraph[]): Fact[] {
  const out: Fact[] = [];
  for (const p of paras) {
    collect(p, FINAL_FACTS, out);
    // "…X万元，占99.79%" — a share of the figure just before it.
    for (const m of p.text.matchAll(/([^\s,，；;:：。()（）]*?(?:\([类款项]\))?)([\d,]+(?:\.\d+)?)万元[,，]\s*占(?:本年支出合计的)?([\d.]+)%/g)) {
      const src = spanSrc(p, m.index, m.index + m[0].length);
      const money = wan(m[2]!, src);
      if (money) out.push({ key: 'share', label: m[1]!.replace(/^(其中[:：]?)/, ''), money, percent: m[3]!, src });
    }
    // "…比2023年度增加2.55万元，增长1.40%" / "…减少56.95万元，下降1.87%".
    for (const m of p.text.matchAll(/([^。；;]*?)([\d,]+(?:\.\d+)?)万元。?(?:与\d{4}年度相比[,，]|[,，]比\d{4}年度)([^,，。]*?)(增加|减少)([\d,]+(?:\.\d+)?)万元[,，]\s*(增长|下降)([\d.]+)%/g)) {
      const src = spanSrc(p, m.index, m.index + m[0].length);
      const cur = wan(m[2]!, src);
      const ch = wan(m[5]!, src);
      if (!cur || !ch) continue;
      if (m[4] === '减少') ch.fen = -ch.fen;
      out.push({ key: 'change.current', label: m[1]!.trim(), money: cur, src });
      out.push({ key: 'change.amount', label: m[1]!.trim(), money: ch, src });
      out.push({ key: 'change.percent', label: m[1]!.trim(), percent: m[6] === '下降' ? `-${m[7]}` : m[7]!, src });
    }
  }
  return out;
}

/** A narrative part from its heading line and paragraphs (one section; numbered sections split). */
export function partOf(no: number, title: SourceLine, paras: JoinedParagraph[]): NarrativePart {
  const sections: NarrativePart['sections'] = [];
  let cur: NarrativePart['sections'][number] | null = null;
  for (const p of paras) {
    const h = /^([一二三四五六七八九十]+)、(.{1,40}?)(?:[。:：]|$)/.exec(p.text);
    if (h) {
      cur = { no: h[1]!, title: h[2]!, paragraphs: [], src: spanSrc(p, 0, p.text.length) };
      sections.push(cur);
      if (p.text.length <= h[0].length + 1) continue;
    }
    if (!cur) {
      cur = { no: '', title: '', paragraphs: [], src: spanSrc(p, 0, p.text.length) };
      sections.push(cur);
    }
    cur.paragraphs.push({ text: p.text, src: spanSrc(p, 0, p.text.length) });
  }
  return { no, title: squash(title.text), sections, src: srcOf(title) };
}
