import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { AUDIT_CSV_HEADER, type AuditReport } from '../../src/reports/audit/index.js';
import { AuditPool, auditFiles, findDocuments, renderAuditReport, writeAuditReport } from '../../src/app/audit.js';

const SAMPLE = fileURLToPath(new URL('../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/fiscus.js', import.meta.url));

function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 1 << 26 }, (e, out, err) => {
      resolve({ code: e ? Number((e as { code?: number }).code ?? 99) : 0, out, err });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'fiscus-audit-'));
const docs = join(dir, 'docs');
mkdirSync(join(docs, 'sub'), { recursive: true });
const text = readFileSync(SAMPLE, 'utf8');
writeFileSync(join(docs, 'a-sample.txt'), text);
// One figure changed: 基本工资 508.93 → 518.93 in table 4 (each of its three printed cells, so the row
// still reads; 工资福利支出 above it no longer sums).
const lines = text.split('\n');
assert.equal(lines[466], '基本工资 508.93 508.93 508.93');
lines[466] = '基本工资 518.93 518.93 518.93';
writeFileSync(join(docs, 'sub', 'b-changed.txt'), lines.join('\n'));
writeFileSync(join(docs, 'c-empty.txt'), '');
writeFileSync(join(docs, 'd-binary.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0, 1, 2, 3, 0xff, 0xfe, 7, 8]));
writeFileSync(join(docs, 'ignored.md'), '# not a document');

test('documents are found recursively by extension, in a stable order', async () => {
  const found = await findDocuments([docs]);
  assert.deepEqual(
    found.map((f) => f.slice(docs.length + 1)),
    ['a-sample.txt', 'c-empty.txt', 'd-binary.pdf', 'sub/b-changed.txt'],
  );
});

test('audit to JSON lists every document, the unreadable ones with reasons, and exits 1 on errors', async () => {
  const out = join(dir, 'report.json');
  const r = await cli(['audit', docs, '-o', out]);
  assert.equal(r.code, 1, r.err);
  const j = JSON.parse(readFileSync(out, 'utf8')) as AuditReport;
  assert.deepEqual(Object.keys(j), ['tool', 'failOn', 'summary', 'documents', 'rules']);
  assert.equal(j.summary.documents, 4);
  assert.equal(j.summary.readable, 2);
  assert.equal(j.summary.unreadable, 2);
  const by = (suffix: string) => j.documents.find((d) => d.file.endsWith(suffix))!;
  const a = by('a-sample.txt');
  const b = by('b-changed.txt');
  assert.ok(a.readable && b.readable);
  assert.equal(a.unit, '深圳市福田区数据管理中心');
  assert.equal(a.year, 2021);
  assert.equal(a.profile, 'shenzhen-dept-budget');
  assert.deepEqual(a.totals, { revenue: 4_424_600_000, expenditure: 4_424_600_000 });
  // Coverage columns: the sample's 13 tables, its amount recall against its own text, nothing unplaced.
  assert.equal(a.coverage.tables, 13);
  assert.equal(a.coverage.tablesWithRows, 13);
  assert.ok(a.coverage.recall !== null && a.coverage.recall > 0.8 && a.coverage.recall <= 1, JSON.stringify(a.coverage));
  assert.equal(a.coverage.recall, a.coverage.heldAmounts! / a.coverage.printedAmounts!);
  assert.equal(a.coverage.unplacedAmounts, 0);
  assert.deepEqual(a.coverage.missingTables, []);
  assert.ok(b.summary.error > a.summary.error, `changed ${b.summary.error} vs sample ${a.summary.error}`);
  // The change is reported at the line of the total it breaks (工资福利支出, line 465), as an error
  // where the sample has only a rounding remainder there.
  assert.ok(b.findings.some((f) => f.rule === 'BUD-012' && f.location.line === 465 && f.severity === 'error'));
  assert.ok(!a.findings.some((f) => f.rule === 'BUD-012' && f.location.line === 465 && f.severity === 'error'));
  assert.equal(j.summary.error, a.summary.error + b.summary.error);
  const empty = by('c-empty.txt');
  const binary = by('d-binary.pdf');
  assert.ok(!empty.readable && !binary.readable);
  assert.equal(empty.error.code, 'INPUT_UNREADABLE');
  assert.match(empty.error.message, /empty/);
  assert.ok(binary.error.message.length > 0 && ['INPUT_UNREADABLE', 'INPUT_INVALID'].includes(binary.error.code), JSON.stringify(binary.error));
  // Per rule: documents failing it; a rule only the changed copy breaks counts one document.
  const extra = j.rules.find((t) => t.failing === 1 && b.findings.some((f) => f.rule === t.rule) && !a.findings.some((f) => f.rule === t.rule && f.severity !== 'info'));
  assert.ok(extra, 'a rule failed by the changed copy only');
  for (const t of j.rules) assert.ok(t.failing <= 2 && t.failing <= t.documents);
});

test('audit to CSV writes one finding per row with a BOM, unreadable files as their own rows', async () => {
  const out = join(dir, 'report.csv');
  const r = await cli(['audit', docs, '-o', out, '--fail-on', 'never']);
  assert.equal(r.code, 0, r.err);
  const csv = readFileSync(out, 'utf8');
  assert.ok(csv.startsWith('\uFEFF'));
  const rows = csv.slice(1).trimEnd().split('\r\n');
  assert.equal(rows[0], AUDIT_CSV_HEADER.join(','));
  const j = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as AuditReport;
  const findings = j.documents.reduce((n, d) => n + (d.readable ? d.findings.length : 0), 0);
  // Messages hold no line breaks, so physical lines are records.
  assert.equal(rows.length - 1, findings + 2);
  assert.equal(rows.filter((l) => l.includes(',无法读取,')).length, 2);
  assert.ok(rows.some((l) => l.includes('sub/b-changed.txt') && l.includes(',465,')));
});

test('audit to HTML is a self-contained Chinese page linking findings to their files', async () => {
  const out = join(dir, 'report.html');
  const r = await cli(['audit', docs, '-o', out, '--fail-on', 'never']);
  assert.equal(r.code, 0);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /无法读取的文件（2）/);
  assert.match(html, /<th>识别表格<\/th><th>金额召回率<\/th><th>未定位金额<\/th>/);
  assert.match(html, /金额召回率平均 \d+\.\d%，最低 \d+\.\d%。/);
  assert.match(html, /href="docs\/sub\/b-changed\.txt">b-changed\.txt:465</);
  assert.doesNotMatch(html, /<script|<link /);
});

test('audit exits 2 only when no document could be read', async () => {
  const only = join(dir, 'bad');
  mkdirSync(only);
  writeFileSync(join(only, 'empty.txt'), '');
  const r = await cli(['audit', only, join(dir, 'missing.pdf'), '-o', join(dir, 'bad.json')]);
  assert.equal(r.code, 2);
  const j = JSON.parse(readFileSync(join(dir, 'bad.json'), 'utf8')) as AuditReport;
  assert.equal(j.summary.unreadable, 2);
  assert.equal(j.documents.find((d) => d.file.endsWith('missing.pdf'))!.readable, false);
  assert.match(r.err, /无法读取/);
});

test('the report written as the documents finish is the one rendered from the whole batch, in input order', async () => {
  const files = await findDocuments([docs]);
  // Twice the batch, so that the two workers finish out of order and the report still follows the input.
  const batch = [...files, ...files];
  const whole = await auditFiles(batch, { workers: 2 });
  assert.deepEqual(
    whole.documents.map((d) => d.file),
    batch,
  );
  const noMs = (s: string) => s.replace(/"ms": [\d.e+-]+/g, '"ms": 0');
  for (const ext of ['json', 'csv', 'html']) {
    const out = join(dir, `streamed.${ext}`);
    const done: string[] = [];
    const outcome = await writeAuditReport(batch, out, { workers: 2, onProgress: (_n, _t, e) => done.push(e.file) });
    assert.equal(done.length, batch.length);
    assert.deepEqual(outcome.summary, whole.summary);
    assert.deepEqual(outcome.rules, whole.rules);
    assert.deepEqual(
      outcome.unreadable.map((d) => d.file),
      whole.documents.filter((d) => !d.readable).map((d) => d.file),
    );
    assert.equal(noMs(readFileSync(out, 'utf8')), noMs(renderAuditReport(whole, out)), ext);
  }
  // No temporary file is left beside the report.
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.startsWith('.streamed')),
    [],
  );
  // An empty batch is a valid report too.
  const empty = join(dir, 'empty.json');
  await writeAuditReport([], empty);
  assert.equal(readFileSync(empty, 'utf8'), renderAuditReport(await auditFiles([]), empty));
});

test('a pool of threads kept for several batches gives each batch the report of its own threads, and left open lets the process end', async () => {
  const files = await findDocuments([docs]);
  const noMs = (r: AuditReport) => JSON.stringify({ ...r, documents: r.documents.map((d) => ({ ...d, ms: 0 })) });
  const alone = await auditFiles(files, { workers: 2 });
  const pool = new AuditPool(2);
  pool.start();
  try {
    const first = await auditFiles(files, { pool });
    const second = await auditFiles([...files].reverse(), { pool });
    assert.equal(noMs(first), noMs(alone));
    assert.deepEqual(
      second.documents.map((d) => d.file),
      [...files].reverse(),
    );
    assert.equal(noMs({ ...second, documents: [...second.documents].reverse() }), noMs(alone));
  } finally {
    await pool.close();
  }
  // A process that runs a batch on a pool and never closes it still ends by itself (waiting threads are unreferenced).
  const script = join(dir, 'open-pool.mts');
  const audit = new URL('../../src/app/audit.ts', import.meta.url).href;
  writeFileSync(
    script,
    `import { AuditPool, auditFiles } from ${JSON.stringify(audit)};\nconst r = await auditFiles(${JSON.stringify(files)}, { pool: new AuditPool(2) });\nconsole.log(r.summary.documents);\n`,
  );
  const ended = await new Promise<{ code: number | null; out: string }>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script], { timeout: 120_000 }, (e, out) => resolve({ code: e ? ((e as { code?: number }).code ?? null) : 0, out }));
  });
  assert.deepEqual(ended, { code: 0, out: `${files.length}\n` });
});
