/**
 * 批量审核 in the web app (issue 15 item 1), through the whole HTTP surface on PGlite (the queue worked
 * in the server's process) and on PostgreSQL (worked by a worker in this process, as `fiscus worker` does): uploads of many files and of ZIPs, the refusals (a file that is no ZIP, a
 * path trick, a ZIP bomb, too many files, a body over the limit), progress as server-sent events
 * counted from the database, the review table's filters, search and sort, a document's page and its
 * original file, and the exports (XLSX of the table and every finding, the two CSVs, escaped against
 * formulas).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type JSZipType from 'jszip';
import type * as ExcelJSType from 'exceljs';
import { connectionOf, openWorkspace, type Workspace, type WorkspaceOptions } from '../../src/app/workspace.js';
import { finishIfComplete, insertBatch, recordResult } from '../../src/storage/batch-audit-repo.js';
import { batchAuditStatus, MAX_BATCH_DOCUMENTS, startBatchAuditWorker } from '../../src/app/batch-audit.js';
import { limitsWith } from '../../src/app/limits.js';
import { AUDIT_CSV_HEADER } from '../../src/reports/audit/index.js';
import { createHttpApp } from '../../src/cli/http-app.js';
import { requester, setupDistrict, type District } from '../support/district.js';
import { throwawayDatabases } from '../support/postgres.js';

const require = createRequire(import.meta.url);
const JSZip = require('jszip') as typeof JSZipType;
const ExcelJS = require('exceljs') as typeof ExcelJSType;

const SAMPLES = resolve(import.meta.dirname, '../../samples');
const SHENZHEN = readFileSync(`${SAMPLES}/shenzhen-futian-data-center-2021-dept-budget.txt`);
const WANLI = readFileSync(`${SAMPLES}/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.txt`);
const FINAL = readFileSync(`${SAMPLES}/shanghai-putuo-finance-bureau-2024-dept-final-accounts.txt`);
/** A file name Excel would read as a formula, and content that is no disclosure. */
const HOSTILE_NAME = '=HYPERLINK("x","y")-notes.txt';
const JUNK = Buffer.from('这不是一份预算公开文件。\n只有两行。\n');

// The in-process queue asks for work often, so that the test does not wait for it.
process.env['FISCUS_JOB_POLL_SECONDS'] = '0.5';

const LIMITS = limitsWith({ body: { batch: 3 * 1024 * 1024, import: 1024 * 1024 } });

interface Backend {
  name: string;
  open(): Promise<{ opts: WorkspaceOptions; drop: () => Promise<void> }>;
}

function suite(backend: Backend): void {
  describe(`批量审核 in the web app (${backend.name})`, () => {
    let ws: Workspace;
    let drop: () => Promise<void> = async () => {};
    let district: District;
    let req: ReturnType<typeof requester>;
    let batch = '';

    const upload = (files: { name: string; bytes: Uint8Array }[], failOn?: string) => {
      const form = new FormData();
      for (const f of files) form.append('files', new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.name);
      if (failOn) form.append('failOn', failOn);
      return req('/reviews', { method: 'POST', body: form });
    };
    const until = async (id: string) => {
      for (let i = 0; i < 600; i++) {
        const s = await batchAuditStatus(ws, id);
        if (s.state === 'done') return s;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`batch ${id} did not finish`);
    };
    /** The rows of the review table as the page lists them: index (data-idx) and the cells' text. */
    const rowsOf = (html: string) =>
      [...html.matchAll(/<tr class="row-(\w+)" data-idx="(\d+)">([\s\S]*?)<\/tr>/g)].map((m) => ({
        status: m[1]!,
        idx: Number(m[2]),
        cells: [...m[3]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()),
      }));

    before(async () => {
      const b = await backend.open();
      drop = b.drop;
      ws = await openWorkspace(b.opts);
      // On PostgreSQL the queue is worked by \`fiscus worker\` processes; here, this one (on PGlite the server works it itself).
      if (b.opts.databaseUrl) void startBatchAuditWorker(ws);
      district = await setupDistrict(ws);
      req = requester(createHttpApp(ws, { limits: LIMITS }), district, 'caizheng');
    });
    after(async () => {
      await ws?.close();
      await drop();
    });

    test('the desk is Chinese: a multiple file input, a ZIP accepted, the limits stated; the frame links it for a 财政审核 only', async () => {
      const res = await req('/reviews');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<h1>批量审核<\/h1>/);
      assert.match(html, /<input id="review-files" name="files" type="file" multiple="" required="" accept="[^"]*\.zip/);
      assert.match(html, /合计不超过 3 MiB，单个文件不超过 1 MiB/);
      assert.match(html, /<a href="\/reviews">批量审核<\/a>/);
      const other = await requester(createHttpApp(ws, { limits: LIMITS }), district, 'jingban')('/budgets/999999');
      assert.doesNotMatch(await other.text(), /href="\/reviews"/);
    });

    test('many files at once become one batch; its page fills in, its events count to the end from the database', async () => {
      const res = await upload([
        { name: 'shenzhen.txt', bytes: SHENZHEN },
        { name: 'wanli.txt', bytes: WANLI },
        { name: 'final.txt', bytes: FINAL },
        { name: HOSTILE_NAME, bytes: JUNK },
      ]);
      assert.equal(res.status, 303, await res.text());
      const m = /^\/reviews\/(\d+)$/.exec(res.headers.get('location') ?? '');
      assert.ok(m, `redirected to the batch: ${res.headers.get('location')}`);
      batch = m[1]!;
      // The events stream until the batch is done: progress events counting up, then done at 4/4.
      const ev = await req(`/reviews/${batch}/events`);
      assert.equal(ev.status, 200);
      assert.match(ev.headers.get('content-type') ?? '', /^text\/event-stream/);
      const text = await ev.text();
      const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((e) => ({ event: e[1]!, data: JSON.parse(e[2]!) as { done: number; total: number; state: string } }));
      const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.done);
      assert.ok(progress.length >= 1, text);
      assert.deepEqual(
        progress,
        [...progress].sort((a, b) => a - b),
        'progress only counts up',
      );
      assert.equal(new Set(progress).size, progress.length, 'each count is sent once');
      assert.deepEqual(events.at(-1), { event: 'done', data: { done: 4, total: 4, state: 'done', label: '已完成' } });
      const s = await until(batch);
      assert.equal(s.done, 4);

      const page = await (await req(`/reviews/${batch}`)).text();
      assert.doesNotMatch(page, /http-equiv="refresh"/, 'a finished batch does not refresh itself');
      assert.doesNotMatch(page, /data-review-events/, 'nor listens for events');
      const rows = rowsOf(page);
      assert.deepEqual(
        rows.map((r) => r.idx),
        [0, 1, 2, 3],
      );
      assert.equal(rows[0]!.cells[2], '深圳市福田区数据管理中心');
      assert.equal(rows[0]!.cells[3], '2021');
      assert.equal(rows[0]!.cells[4], '部门预算');
      assert.equal(rows[2]!.cells[4], '部门决算');
      assert.equal(rows[3]!.status, 'unreadable');
      assert.equal(rows[3]!.cells[9], '无法读取');
      assert.match(page, /显示 4\/4 份文件/);
    });

    test('a batch still being checked: the page refreshes itself without script and names its events stream, whose progress is counted from the rows; no export yet', async () => {
      // A batch stored without jobs: nothing checks it until this test writes its results, as any worker would.
      const db = connectionOf(ws).db;
      const id = String(
        await db.transaction((tx) =>
          insertBatch(tx as unknown as typeof db, {
            createdBy: 'caizheng',
            failOn: 'error',
            documents: [
              { name: 'a.txt', bytes: WANLI },
              { name: 'b.txt', bytes: JUNK },
            ],
          }),
        ),
      );
      const page = await (await req(`/reviews/${id}`)).text();
      assert.match(page, /<noscript><meta http-equiv="refresh" content="3"\/?><\/noscript>/);
      assert.match(page, new RegExp(`data-review-events="/reviews/${id}/events"`));
      assert.match(page, /已检查 <strong class="n">0<\/strong>\/<span class="n">2<\/span> 份 · <span id="review-state">排队中<\/span>/);
      assert.deepEqual(
        rowsOf(page).map((r) => r.status),
        ['pending', 'pending'],
      );
      assert.match(page, /全部文件检查完毕后可下载/);
      const early = await req(`/reviews/${id}/export.xlsx`);
      assert.equal(early.status, 409);
      assert.match(await early.text(), new RegExp(`批量审核 ${id} 尚未完成（已检查 0/2 份），完成后再下载`));
      assert.match(await (await req(`/reviews/${id}/documents/1`)).text(), /本文件尚未检查（排队中）/);

      // The events stream: 0/2 at once, then each result as it is written to the database, then done.
      const res = await req(`/reviews/${id}/events`);
      assert.equal(res.status, 200);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const next = async (event: string) => {
        for (;;) {
          const m = new RegExp(`event: ${event}\ndata: (.*)\n`).exec(text);
          if (m) {
            text = text.slice(m.index + m[0].length);
            return JSON.parse(m[1]!) as { done: number; total: number; state: string };
          }
          const r = await reader.read();
          assert.ok(!r.done, `the stream ended before a ${event} event`);
          text += r.value;
        }
      };
      assert.deepEqual(await next('progress'), { done: 0, total: 2, state: 'queued', label: '排队中' });
      const entry = (file: string) => ({ file, readable: false, error: { code: 'INPUT_INVALID', message: `${file}: 测试写入的结果` }, ms: 0 });
      await recordResult(db, Number(id), 0, entry('a.txt'), 'test');
      assert.deepEqual(await next('progress'), { done: 1, total: 2, state: 'running', label: '检查中' });
      await recordResult(db, Number(id), 1, entry('b.txt'), 'test');
      await finishIfComplete(db, Number(id));
      const last = await next('done');
      assert.deepEqual(last, { done: 2, total: 2, state: 'done', label: '已完成' });
      await reader.cancel();
      assert.deepEqual(
        rowsOf(await (await req(`/reviews/${id}`)).text()).map((r) => r.status),
        ['unreadable', 'unreadable'],
      );

      const missing = await req('/reviews/999999/events');
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /批量审核 999999 不存在/);
    });

    test('the table filters by kind, year and errors, searches unit names and sorts by errors, warnings, unit and recall', async () => {
      const all = rowsOf(await (await req(`/reviews/${batch}`)).text());
      const errorsOf = (r: (typeof all)[number]) => (r.cells[7] === '' ? null : Number(r.cells[7]));
      const warningsOf = (r: (typeof all)[number]) => (r.cells[8] === '' ? null : Number(r.cells[8]));
      const readable = all.filter((r) => r.status !== 'unreadable');

      const byErrors = rowsOf(await (await req(`/reviews/${batch}?sort=errors`)).text());
      const expected = [...readable].sort((a, b) => errorsOf(b)! - errorsOf(a)! || a.idx - b.idx).map((r) => r.idx);
      assert.deepEqual(
        byErrors.map((r) => r.idx),
        [...expected, 3],
        'most errors first, the unreadable file last',
      );
      const byErrorsAsc = rowsOf(await (await req(`/reviews/${batch}?sort=errors&dir=asc`)).text());
      assert.deepEqual(
        byErrorsAsc.map((r) => r.idx),
        [...[...readable].sort((a, b) => errorsOf(a)! - errorsOf(b)! || a.idx - b.idx).map((r) => r.idx), 3],
      );
      const byWarnings = rowsOf(await (await req(`/reviews/${batch}?sort=warnings`)).text());
      assert.deepEqual(
        byWarnings.map((r) => r.idx),
        [...[...readable].sort((a, b) => warningsOf(b)! - warningsOf(a)! || a.idx - b.idx).map((r) => r.idx), 3],
      );
      const byUnit = rowsOf(await (await req(`/reviews/${batch}?sort=unit`)).text());
      const zh = new Intl.Collator('zh-CN', { numeric: true });
      assert.deepEqual(
        byUnit.map((r) => r.idx),
        [...[...readable].sort((a, b) => zh.compare(a.cells[2]!, b.cells[2]!)).map((r) => r.idx), 3],
      );
      const byRecall = rowsOf(await (await req(`/reviews/${batch}?sort=recall`)).text());
      const recalls = byRecall.filter((r) => /^\d/.test(r.cells[5]!)).map((r) => Number(r.cells[5]));
      assert.ok(recalls.length >= 2);
      assert.deepEqual(
        recalls,
        [...recalls].sort((a, b) => a - b),
        'lowest recall first',
      );

      const finals = rowsOf(await (await req(`/reviews/${batch}?kind=${encodeURIComponent('部门决算')}`)).text());
      assert.deepEqual(
        finals.map((r) => r.idx),
        [2],
      );
      const y2021 = rowsOf(await (await req(`/reviews/${batch}?year=2021`)).text());
      assert.deepEqual(
        y2021.map((r) => r.idx),
        [0],
      );
      const search = rowsOf(await (await req(`/reviews/${batch}?q=${encodeURIComponent('万里')}`)).text());
      assert.deepEqual(
        search.map((r) => r.idx),
        [1],
      );
      const withErrors = rowsOf(await (await req(`/reviews/${batch}?errors=1`)).text());
      assert.deepEqual(
        withErrors.map((r) => r.idx),
        readable.filter((r) => errorsOf(r)! > 0).map((r) => r.idx),
      );
      // The filter form offers the kinds and years present.
      const page = await (await req(`/reviews/${batch}`)).text();
      assert.match(page, /<option value="部门决算">部门决算<\/option>/);
      assert.match(page, /<option value="2021">2021<\/option>/);

      const bad = await req(`/reviews/${batch}?sort=size`);
      assert.equal(bad.status, 422);
      assert.match(await bad.text(), /查询参数 sort 应为file、errors、warnings、unit、recall 之一，实为 &quot;size&quot;/);
      assert.equal((await req(`/reviews/${batch}?year=21`)).status, 422);
    });

    test('a row opens the document: its findings, coverage and original file, byte for byte', async () => {
      const page = await req(`/reviews/${batch}/documents/0`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<h1>深圳市福田区数据管理中心 2021年部门预算<\/h1>/);
      assert.match(html, /金额召回率/);
      assert.match(html, /<a href="\/reviews\/\d+\/documents\/0\/source">打开原文件<\/a>/);
      const entry = (await (await req(`/api/v1/audits/${batch}/report`)).json()) as { documents: { findings?: unknown[] }[] };
      const n = entry.documents[0]!.findings!.length;
      assert.match(html, new RegExp(`审核发现（${n}）`));
      const src = await req(`/reviews/${batch}/documents/0/source`);
      assert.equal(src.status, 200);
      assert.deepEqual(Buffer.from(await src.arrayBuffer()), SHENZHEN);
      assert.match(src.headers.get('content-disposition') ?? '', /^attachment; filename="shenzhen.txt"/);
      const unreadable = await (await req(`/reviews/${batch}/documents/3`)).text();
      assert.match(unreadable, /无法读取（INPUT_/);
      assert.equal((await req(`/reviews/${batch}/documents/99`)).status, 404);
      assert.equal((await req(`/reviews/${batch}/documents/x`)).status, 404);
    });

    test('the exports: XLSX with the table and every finding, the table CSV and the findings CSV, text never read as a formula', async () => {
      const report = (await (await req(`/api/v1/audits/${batch}/report`)).json()) as { documents: { readable: boolean; findings?: unknown[] }[] };
      const findings = report.documents.reduce((n, d) => n + (d.readable ? d.findings!.length : 1), 0);

      const x = await req(`/reviews/${batch}/export.xlsx?sort=errors`);
      assert.equal(x.status, 200);
      assert.match(x.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as unknown as ArrayBuffer);
      const table = wb.getWorksheet('审核总表')!;
      const sheet = wb.getWorksheet('审核发现')!;
      assert.equal(table.rowCount, 5, 'header and the four documents');
      assert.deepEqual((table.getRow(1).values as unknown[]).slice(1, 8), ['序号', '文件', '单位', '年度', '类型', '状态', '错误']);
      const pageOrder = rowsOf(await (await req(`/reviews/${batch}?sort=errors`)).text()).map((r) => r.idx + 1);
      assert.deepEqual(
        [2, 3, 4, 5].map((r) => table.getRow(r).getCell(1).value),
        pageOrder,
        'the rows in the order of the page',
      );
      const hostile = [2, 3, 4, 5].map((r) => table.getRow(r).getCell(2)).find((c) => c.value === HOSTILE_NAME);
      assert.ok(hostile, 'the formula-like file name is in the table as it was uploaded');
      assert.equal(hostile.type, ExcelJS.ValueType.String, 'a file name beginning with = is text, not a formula');
      assert.equal(sheet.rowCount, findings + 1, 'one row per finding (an unreadable file as one)');
      assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), AUDIT_CSV_HEADER);
      assert.equal(typeof table.getRow(2).getCell(7).value, 'number', 'counts are numbers');

      const csv = await req(`/reviews/${batch}/table.csv`);
      assert.equal(csv.status, 200);
      // Read as bytes: Response.text() would drop the byte-order mark that Excel needs.
      const tableCsv = Buffer.from(await csv.arrayBuffer()).toString('utf8');
      assert.ok(tableCsv.startsWith('\uFEFF序号,文件,单位,年度,类型,状态,错误,警告,提示,金额召回率'), tableCsv.slice(0, 80));
      assert.equal(tableCsv.trimEnd().split('\r\n').length, 5);
      assert.match(tableCsv, /\r\n4,"'=HYPERLINK\(""x"",""y""\)-notes\.txt",/, 'the formula-like name is quoted and prefixed');
      const fcsv = Buffer.from(await (await req(`/reviews/${batch}/findings.csv?kind=${encodeURIComponent('部门预算')}`)).arrayBuffer()).toString('utf8');
      assert.ok(fcsv.startsWith(`\uFEFF${AUDIT_CSV_HEADER.join(',')}\r\n`));
      const budgetFindings = report.documents.filter((_, i) => i === 0 || i === 1).reduce((n, d) => n + d.findings!.length, 0);
      assert.equal(fcsv.trimEnd().split('\r\n').length - 1, budgetFindings, 'the findings of the filtered documents only');
    });

    test('a ZIP is unpacked: its documents checked in order, folders, hidden and other files left out and named', async () => {
      const zip = new JSZip();
      zip.file('预算/深圳.txt', SHENZHEN);
      zip.file('预算/万里.txt', WANLI);
      zip.file('__MACOSX/预算/._深圳.txt', 'x');
      zip.file('说明.png', 'not a document');
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const res = await upload([{ name: '第一批.zip', bytes }]);
      assert.equal(res.status, 303, await res.text());
      const loc = res.headers.get('location') ?? '';
      const id = /\/reviews\/(\d+)/.exec(loc)![1]!;
      await until(id);
      const html = await (await req(loc)).text();
      assert.deepEqual(
        rowsOf(html).map((r) => r.cells[1]),
        ['预算/深圳.txt', '预算/万里.txt'],
      );
      assert.match(html, /上传内容中有 2 个文件未列入本批/);
      assert.match(html, /第一批\.zip\/说明\.png/);
    });

    test('a file that is no ZIP, an encrypted-looking or truncated one, a path trick, a ZIP bomb and too many files are refused in Chinese with their codes', async () => {
      const notZip = await upload([{ name: 'bad.zip', bytes: Buffer.from('PK\u0003\u0004 this is not really a zip') }]);
      assert.equal(notZip.status, 400);
      const notZipHtml = await notZip.text();
      assert.match(notZipHtml, /（INPUT_UNREADABLE）/);
      assert.match(notZipHtml, /无法读取 ZIP 文件 bad\.zip：不是有效的 ZIP 压缩包，或已损坏/);

      const good = await new JSZip().file('a.txt', WANLI).generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const cut = await upload([{ name: 'cut.zip', bytes: good.subarray(0, Math.floor(good.length / 2)) }]);
      assert.equal(cut.status, 400);

      const trick = new JSZip();
      trick.file('ok.txt', WANLI);
      trick.file('../../etc/passwd.txt', 'x', { createFolders: false });
      const trickRes = await upload([{ name: 'trick.zip', bytes: await trick.generateAsync({ type: 'uint8array' }) }]);
      assert.equal(trickRes.status, 422);
      const trickHtml = await trickRes.text();
      assert.match(trickHtml, /（INPUT_INVALID）/);
      assert.match(trickHtml, /ZIP 文件 trick\.zip 中的条目 &quot;\.\.\/\.\.\/etc\/passwd\.txt&quot; 的路径不安全/);

      // 50 MiB of zeros deflate to about 50 KiB: unpacking stops at the 1 MiB a document may have.
      const bomb = await new JSZip().file('bomb.txt', Buffer.alloc(50 * 1024 * 1024)).generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      assert.ok(bomb.length < 200 * 1024);
      const t0 = performance.now();
      const bombRes = await upload([{ name: 'bomb.zip', bytes: bomb }]);
      assert.equal(bombRes.status, 413);
      const bombHtml = await bombRes.text();
      assert.match(bombHtml, /（TOO_LARGE）/);
      assert.match(bombHtml, /导入的文件超过上限 1 MiB（限制项 body\.import）。（bomb\.zip\/bomb\.txt）/);
      assert.ok(performance.now() - t0 < 10_000, 'refused without unpacking it all');

      // Entries past the batch's size together (each under the document limit).
      const many = new JSZip();
      for (let i = 0; i < 5; i++) many.file(`big-${i}.txt`, Buffer.alloc(900 * 1024, 0x41 + i));
      const manyRes = await upload([{ name: 'big.zip', bytes: await many.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) }]);
      assert.equal(manyRes.status, 413);
      assert.match(await manyRes.text(), /批量审核上传的文件超过上限 3 MiB（限制项 body\.batch）/);

      const crowd = new JSZip();
      for (let i = 0; i <= MAX_BATCH_DOCUMENTS; i++) crowd.file(`d${i}.txt`, '');
      const crowdRes = await upload([{ name: 'crowd.zip', bytes: await crowd.generateAsync({ type: 'uint8array' }) }]);
      assert.equal(crowdRes.status, 413);
      const crowdHtml = await crowdRes.text();
      assert.match(crowdHtml, /（TOO_LARGE）/);
      assert.match(crowdHtml, new RegExp(`ZIP 文件 crowd\\.zip 中的文件数应不超过 ${MAX_BATCH_DOCUMENTS} 份，实为 ${MAX_BATCH_DOCUMENTS + 1} 份`));

      const empty = await new JSZip().file('readme.md', '# x').generateAsync({ type: 'uint8array' });
      const emptyRes = await upload([{ name: 'empty.zip', bytes: empty }]);
      assert.equal(emptyRes.status, 422);
      assert.match(await emptyRes.text(), /ZIP 文件 empty\.zip 中没有可审核的文件/);
    });

    test('a body over the batch limit is refused before it is read, on the desk with the limit named; nothing chosen is 422', async () => {
      const res = await upload([{ name: 'huge.txt', bytes: Buffer.alloc(3 * 1024 * 1024 + 1, 0x41) }]);
      assert.equal(res.status, 413);
      const html = await res.text();
      assert.match(html, /<h1>批量审核<\/h1>/);
      assert.match(html, /批量审核上传的文件超过上限 3 MiB（限制项 body\.batch）/);
      const none = await upload([]);
      assert.equal(none.status, 422);
      assert.match(await none.text(), /请选择要审核的文件/);
      const before = (await (await req('/reviews')).text()).match(/第 \d+ 批/g)?.length ?? 0;
      assert.ok(before >= 3, 'only the accepted uploads made batches');
    });
  });
}

suite({ name: 'PGlite', open: async () => ({ opts: {}, drop: async () => {} }) });

const freshDatabase = throwawayDatabases('fiscus_review', 'review desk');
if (freshDatabase) {
  suite({
    name: 'PostgreSQL',
    open: async () => {
      const db = await freshDatabase();
      return { opts: { databaseUrl: db.databaseUrl }, drop: db.drop };
    },
  });
}
