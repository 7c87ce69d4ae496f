import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSourceText } from '../importers/text/source.js';
import { chooseImporter } from '../importers/registry.js';
import { rereadAsPrinted } from '../importers/narrative-reread.js';
import { runRules } from '../rules/engine.js';
import { FiscusError } from '../domain/errors.js';
import { tableIdOf } from '../reports/view/table.js';
import type { BudgetDocument } from '../domain/model.js';
import { findingsChange, readCells, readTargetAmounts, sectionText, withCells, withOverview, withSection, withTargetAmounts } from './edit-document.js';

const SAMPLES = resolve(import.meta.dirname, '../../samples');
function read(file: string): BudgetDocument {
  const src = readSourceText(readFileSync(resolve(SAMPLES, file)), file);
  return chooseImporter(src).importer.read(src);
}
const SZ = read('shenzhen-futian-data-center-2021-dept-budget.txt');
const WHO = { by: 'jingban', at: '2026-12-06T00:00:00.000Z' };
const idOf = (t: BudgetDocument['tables'][number]) => tableIdOf(SZ, t);

test('the Shenzhen narrative laid out again and read by its reader is the imported narrative, provenance and all', () => {
  assert.deepEqual(rereadAsPrinted(SZ), SZ.narrative);
});

test('editing 人员支出 in the narrative reads its fact again and the narrative checks find the new figure', () => {
  const r = { part: 2, section: 1 };
  assert.match(sectionText(SZ, r), /^一、人员支出741\.53万元/);
  const next = withSection(SZ, r, sectionText(SZ, r).replace('741.53', '751.53'), WHO);
  // The section's own fact (part 3 states 人员支出 three times: in its opening sentence, its list and this section).
  const before = SZ.narrative.facts.filter((f) => f.key === 'expenditure.personnel');
  const after = next.narrative.facts.filter((f) => f.key === 'expenditure.personnel');
  assert.deepEqual(
    before.map((f) => f.money!.fen),
    [741_530_000, 741_530_000, 741_530_000],
  );
  assert.deepEqual(
    after.map((f) => f.money!.fen),
    [741_530_000, 741_530_000, 751_530_000],
  );
  const edited = after[2]!;
  assert.deepEqual(edited.src.edited, WHO);
  assert.equal(edited.src.line, null);
  assert.deepEqual(after.slice(0, 2), before.slice(0, 2));
  // Facts of other sections keep their printed provenance.
  assert.deepEqual(
    next.narrative.facts.find((f) => f.key === 'revenue.total'),
    SZ.narrative.facts.find((f) => f.key === 'revenue.total'),
  );
  const change = findingsChange(runRules(SZ), runRules(next));
  assert.ok(
    change.added.some((f) => f.category === 'narrative' && /751\.53/.test(f.message)),
    JSON.stringify(change.added.map((f) => f.message)),
  );
});

test('a narrative edit the Shenzhen reader cannot read is refused naming the section; an unchanged one makes no version', () => {
  const r = { part: 1, section: 0 };
  assert.throws(
    () => withSection(SZ, r, '本部门今年没有预算。', WHO),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && /部门预算收支总体情况/.test(e.message) && /收入/.test(e.message),
  );
  assert.throws(
    () => withSection(SZ, r, sectionText(SZ, r), WHO),
    (e: unknown) => e instanceof FiscusError && /没有修改/.test(e.message),
  );
});

test('cells typed in 元 are read exactly to fen; anything ambiguous is refused naming the cell', () => {
  const t = SZ.tables.find((x) => x.no === 1)!;
  const row = t.rows.find((r) => r.side === 'revenue' && r.amounts[t.sides!.revenue])!;
  const col = t.sides!.revenue;
  const ok = readCells(t, [
    { row: row.id, column: col, text: '1,234.50' },
    { row: row.id, column: col, text: '４４２４６０００.0' },
    { row: row.id, column: col, text: '' },
  ]);
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(
    ok.changes.map((c) => c.money),
    [123_450, 4_424_600_000, null],
  );
  for (const bad of ['1,0.0', '1.234', '12元', '1,23.00', 'abc']) {
    const r = readCells(t, [{ row: row.id, column: col, text: bad }]);
    assert.equal(r.changes.length, 0, bad);
    assert.equal(r.errors.length, 1, bad);
    assert.match(r.errors[0]!.message, new RegExp(`表《收支总表》第 \\d+ 行“${row.label}”.*“${bad.replace('.', '\\.')}”无法识别`), bad);
  }
});

test('a changed cell records who edited it; unchanged cells keep their printed provenance', () => {
  const t = SZ.tables.find((x) => x.no === 1)!;
  const row = t.rows.find((r) => r.side === 'revenue' && r.amounts[t.sides!.revenue])!;
  const col = t.sides!.revenue;
  const next = withCells(SZ, idOf(t), [{ row: row.id, column: col, text: '100.00' }], WHO);
  const cell = next.tables.find((x) => x.no === 1)!.rows.find((r) => r.id === row.id)!.amounts[col]!;
  assert.equal(cell.fen, 10_000);
  assert.deepEqual(cell.src?.edited, WHO);
  assert.equal(cell.src?.raw, '100.00 元');
  const other = t.rows.find((r) => r !== row && r.amounts[col])!;
  assert.deepEqual(
    next.tables.find((x) => x.no === 1)!.rows.find((r) => r.id === other.id),
    other,
  );
  assert.throws(
    () => withCells(SZ, idOf(t), [{ row: row.id, column: col, text: '1.234' }], WHO),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && /收支总表/.test(e.message),
  );
});

test('项目概况 texts are replaced with who typed them; labels stay', () => {
  const form = SZ.projectForms.find((f) => f.overview.length > 0)!;
  const next = withOverview(SZ, form.id, [{ index: 0, text: '新的项目概况。' }], WHO);
  const o = next.projectForms.find((f) => f.id === form.id)!.overview[0]!;
  assert.equal(o.label, form.overview[0]!.label);
  assert.equal(o.text, '新的项目概况。');
  assert.deepEqual(o.src.edited, WHO);
});

test("a second edit lays the first edited section out again once, keeping who typed it; only the second edit's finding is new", () => {
  const first = withSection(SZ, { part: 2, section: 1 }, sectionText(SZ, { part: 2, section: 1 }).replace('741.53', '751.53'), WHO);
  const later = { by: 'jingban', at: '2026-12-06T01:00:00.000Z' };
  const second = withSection(first, { part: 2, section: 2 }, sectionText(first, { part: 2, section: 2 }).replace('30.46', '30.45'), later);
  // The structure stays: the first section once, with its own text and author.
  assert.deepEqual(
    second.narrative.parts.map((p) => p.sections.length),
    SZ.narrative.parts.map((p) => p.sections.length),
  );
  assert.equal(sectionText(second, { part: 2, section: 1 }), sectionText(first, { part: 2, section: 1 }));
  assert.deepEqual(second.narrative.parts[2]!.sections[1], first.narrative.parts[2]!.sections[1]);
  const personnel = second.narrative.facts.filter((f) => f.key === 'expenditure.personnel').at(-1)!;
  assert.deepEqual(personnel.src.edited, WHO);
  const change = findingsChange(runRules(first), runRules(second));
  assert.deepEqual(
    change.added.map((f) => f.location.field),
    ['expenditure.public'],
  );
  assert.deepEqual(change.removed, []);
});

test('in a document another reader keyed (Shanghai), only the edited section is read again: its figures by the genre reader, every other fact as imported', () => {
  const SH = read('shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt');
  const r = { part: 4, section: 1 };
  assert.match(sectionText(SH, r), /政府采购预算1662\.44万元/);
  const next = withSection(SH, r, sectionText(SH, r).replace('1662.44', '1662.45'), WHO);
  const span = SH.narrative.parts[4]!.sections[1]!.paragraphs.flatMap((p) => [p.src.line!, p.src.endLine ?? p.src.line!]);
  const outside = (f: BudgetDocument['narrative']['facts'][number]) => f.src.line !== null && (f.src.line < Math.min(...span) || f.src.line > Math.max(...span));
  assert.deepEqual(next.narrative.facts.filter(outside), SH.narrative.facts.filter(outside));
  const typed = next.narrative.facts.filter((f) => f.src.edited);
  assert.ok(
    typed.some((f) => f.money?.fen === 1_662_450_000),
    JSON.stringify(typed.map((f) => [f.key, f.money?.fen])),
  );
  assert.ok(
    SH.narrative.facts.some((f) => f.money?.fen === 1_662_440_000 && !outside(f)),
    'the section held the figure',
  );
  assert.ok(!next.narrative.facts.some((f) => f.money?.fen === 1_662_440_000 && !outside(f)), 'the old figure of the section is gone');
  assert.deepEqual(
    next.narrative.parts[4]!.sections[1]!.paragraphs.map((p) => p.text),
    sectionText(SH, r).replace('1662.44', '1662.45').split('\n'),
  );
});

test('table 14 amounts typed in 元 are read exactly; anything ambiguous is refused naming the task and column', () => {
  const d = SZ.departmentTargets!;
  assert.deepEqual(
    d.tasks.map((t) => t.name),
    ['基本支出', '为福田电子政务建设和数据管理提供信息化服务'],
  );
  const ok = readTargetAmounts(d, [
    { row: 0, column: 'fiscal', text: '7,800,600.00' },
    { row: 'total', column: 'other', text: '' },
  ]);
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(
    ok.changes.map((c) => c.money),
    [780_060_000, null],
  );
  for (const bad of ['1,0.0', '1.234', '12元']) {
    const r = readTargetAmounts(d, [{ row: 1, column: 'total', text: bad }]);
    assert.equal(r.errors.length, 1, bad);
    assert.match(
      r.errors[0]!.message,
      new RegExp(`表《部门（单位）整体支出绩效目标申报表》第 2 项任务“为福田电子政务建设和数据管理提供信息化服务”·“总额”的金额“${bad.replace('.', '\\.')}”无法识别`),
      bad,
    );
  }
  assert.throws(
    () => readTargetAmounts(d, [{ row: 7, column: 'total', text: '1' }]),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && /没有金额 7\/total/.test(e.message),
  );
});

test('a changed table 14 amount records who typed it and the re-check finds what it breaks; unchanged amounts keep their print', () => {
  const before = runRules(SZ);
  // The 基本支出 task's 总额 raised by 10,000.00 元: its 总额 ≠ 财政拨款 + 其他资金, the 合计 ≠ Σ tasks, and table 3 disagrees.
  const next = withTargetAmounts(SZ, [{ row: 0, column: 'total', text: '7,810,600.00' }], WHO);
  const t0 = next.departmentTargets!.tasks[0]!;
  assert.equal(t0.total!.fen, 781_060_000);
  assert.deepEqual(t0.total!.src?.edited, WHO);
  assert.equal(t0.total!.src?.raw, '7,810,600.00 元');
  assert.deepEqual(t0.fiscal, SZ.departmentTargets!.tasks[0]!.fiscal);
  assert.deepEqual(next.departmentTargets!.tasks[1], SZ.departmentTargets!.tasks[1]);
  const { added, removed } = findingsChange(before, runRules(next));
  assert.deepEqual(removed, []);
  assert.deepEqual([...new Set(added.map((f) => f.rule))].sort(), ['BUD-019', 'BUD-037']);
  // Located as data on the form's line (table 14, row task-0), at the task's first line (878, 基本支出): the typed amount has no line of its own.
  const sum = added.find((f) => f.rule === 'BUD-019' && f.location.row === 'task-0')!;
  assert.deepEqual([sum.location.table, sum.location.line, sum.location.field, sum.difference], [14, 878, '总额', '-1.00']);
  assert.ok(added.some((f) => f.rule === 'BUD-019' && f.location.row === 'total' && f.difference === '1.00'));
  assert.throws(
    () => withTargetAmounts(SZ, [{ row: 0, column: 'total', text: '7,800,600.00' }], WHO),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && /没有修改，未生成新版本/.test(e.message),
  );
  assert.throws(
    () => withTargetAmounts(SZ, [{ row: 'total', column: 'fiscal', text: '1.234' }], WHO),
    (e: unknown) => e instanceof FiscusError && e.code === 'INPUT_INVALID' && /合计行·“财政拨款”的金额“1\.234”无法识别/.test(e.message),
  );
});
