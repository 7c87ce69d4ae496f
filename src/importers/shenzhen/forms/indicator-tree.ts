/**
 * The indicator tree of a performance form (一级指标 → 二级指标 → 三级指标 → 目标值) as pdftotext prints
 * it: level labels and level-3 names wrapped over narrow lines ("经济效益指" / "标", "IDC机房" /
 * "运行维护" / "工作完成"), a target either on its own line or after a space, and several cells on one
 * line ("质量指标 IDC机房运行维护故障率 ≤ 2%").
 */
import type { Indicator } from '../../../domain/model.js';
import { readTarget, type TargetReading } from '../../_lib/indicator.js';
import type { SourceLine } from '../../text/source.js';
import { srcOf, type ImportContext } from '../context.js';

/** Level-1 labels. */
export const LEVEL1: readonly string[] = ['产出指标', '效益指标', '满意度指标', '投入指标'];

/** Level-2 labels and the level-1 they belong to (the forms omit "满意度指标" before "服务对象满意度指标"). */
export const LEVEL2: Readonly<Record<string, string>> = {
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  工作时效: '产出指标',
  成本指标: '产出指标',
  经济效益指标: '效益指标',
  经济效益: '效益指标',
  社会效益指标: '效益指标',
  社会效益: '效益指标',
  生态效益指标: '效益指标',
  生态效益: '效益指标',
  可持续影响指标: '效益指标',
  可持续影响: '效益指标',
  服务对象满意度指标: '满意度指标',
  服务对象满意度: '满意度指标',
  测算明细: '投入指标',
  资金支出进度: '投入指标',
};

/** Column headings of the indicator table; a line made only of these is skipped. */
const HEADINGS = new Set(['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标内容', '目标值']);

const LABELS = [...LEVEL1, ...Object.keys(LEVEL2)].sort((a, b) => b.length - a.length);
/** Every text a label starts with and is longer than: what a label wrapped over lines may have read so far. */
const LABEL_STARTS: ReadonlySet<string> = new Set(LABELS.flatMap((l) => Array.from({ length: l.length }, (_, n) => l.slice(0, n))));
/** The first characters of the labels: a line starting with none of them starts no label. */
const LABEL_FIRSTS: ReadonlySet<string> = new Set(LABELS.map((l) => l[0]!));

export interface LabelMatch {
  label: string;
  /** Index of the line where the label ends and the offset just after it in that line's text. */
  endLine: number;
  endOffset: number;
}

/**
 * Matches a level label starting at `lines[i].text[offset]`, possibly wrapped over the following
 * lines ("服务对象" / "满意度指" / "标"). The label must end at the end of a line or before a space.
 * The longest label that the lines complete wins ("可持续影" / "响" is 可持续影响).
 */
export function matchLabel(lines: readonly SourceLine[], i: number, offset: number): LabelMatch | null {
  let acc = '';
  let best: LabelMatch | null = null;
  const first = lines[i]?.text[offset];
  if (first !== undefined && !LABEL_FIRSTS.has(first)) return null;
  for (let j = i; j < lines.length && j < i + 5; j++) {
    const base = j === i ? offset : 0;
    const t = lines[j]!.text.slice(base);
    const combined = acc + t;
    for (const label of LABELS) {
      if (label.length > acc.length && combined.startsWith(label) && (combined.length === label.length || combined[label.length] === ' ')) {
        best = { label, endLine: j, endOffset: base + label.length - acc.length };
        break;
      }
    }
    if (!LABEL_STARTS.has(combined)) break;
    acc = combined;
  }
  return best;
}

interface Pending {
  text: string;
  line: SourceLine;
}

/** Parses indicator lines into indicators; notes what it had to guess or could not place. */
export function parseIndicatorTree(lines: readonly SourceLine[], ctx: ImportContext, where: string): Indicator[] {
  const out: Indicator[] = [];
  let level1 = '';
  let level2 = '';
  let pending: Pending[] = [];

  const emit = (target: string, reading: TargetReading, line: SourceLine) => {
    const first = pending[0]?.line ?? line;
    const name = pending.map((p) => p.text).join('');
    pending = [];
    out.push({ level1, level2, name, raw: target, ...reading, src: srcOf(first, target, line) });
  };
  const flushWithoutTarget = () => {
    if (pending.length === 0) return;
    const first = pending[0]!.line;
    const name = pending.map((p) => p.text).join('');
    ctx.notes.push({ severity: 'warning', message: `${where}: 指标"${name}"没有目标值 (indicator without a target)`, src: srcOf(first, name) });
    pending = [];
  };

  let i = 0;
  let offset = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const rest = line.text.slice(offset);
    const text = rest.trim();
    offset += rest.length - rest.trimStart().length;
    if (text === '' || text.split(/\s+/).every((w) => HEADINGS.has(w))) {
      i++;
      offset = 0;
      continue;
    }
    const m = matchLabel(lines, i, offset);
    if (m) {
      flushWithoutTarget();
      if (LEVEL1.includes(m.label)) {
        level1 = m.label;
        level2 = '';
      } else {
        level2 = m.label;
        level1 = LEVEL2[m.label] ?? level1;
      }
      i = m.endLine;
      offset = m.endOffset;
      continue;
    }
    const last = out[out.length - 1];
    const reading = readTarget(text);
    // pdftotext starts a page with a one-space indent: a short fragment there, after a complete
    // indicator, is the end of that indicator's name pushed past its target by the page break.
    if (offset === 0 && line.indent === 1 && pending.length === 0 && last && text.length <= 3 && !reading) {
      last.name += text;
      last.src.endLine = Math.max(last.src.endLine ?? last.src.line ?? line.no, line.no);
      ctx.notes.push({ severity: 'info', message: `${where}: "${text}" after a page break joined to the indicator name "${last.name}"`, src: srcOf(line, text) });
      i++;
      offset = 0;
      continue;
    }
    if (reading) {
      if (pending.length === 0 && /^\d{1,3}$/.test(text)) {
        ctx.notes.push({ severity: 'info', message: `${where}: "${text}" read as a page number`, src: srcOf(line, text) });
      } else if (pending.length === 0) {
        ctx.notes.push({ severity: 'warning', message: `${where}: 目标值"${text}"没有指标名称 (target without an indicator name)`, src: srcOf(line, text) });
      } else {
        emit(text, reading, line);
      }
    } else {
      let split = false;
      for (let k = text.indexOf(' '); k > 0; k = text.indexOf(' ', k + 1)) {
        const target = text.slice(k + 1).trim();
        const r = readTarget(target);
        if (r) {
          pending.push({ text: text.slice(0, k).trim(), line });
          emit(target, r, line);
          split = true;
          break;
        }
      }
      if (!split) pending.push({ text, line });
    }
    i++;
    offset = 0;
  }
  flushWithoutTarget();
  return out;
}
