import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { FiscusError } from '../../domain/errors.js';
import { readPayments, type PaymentTarget } from './index.js';

const budget: PaymentTarget = {
  year: 2021,
  projectForms: [
    { id: 'form-1', name: '基础设施运行维护' },
    { id: 'form-2', name: '应用系统运行维护' },
  ],
};

const utf8 = (s: string) => new TextEncoder().encode(s);

/** GBK bytes of ASCII plus the few Chinese characters these tests use (encoded by a table, no library). */
function gbk(s: string): Uint8Array {
  // Build the table by decoding every GBK double-byte code once and looking the characters up.
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const b = table.get(ch);
      assert.ok(b, `no GBK code for ${ch}`);
      out.push(...b);
    }
  }
  return new Uint8Array(out);
}

async function thrown(p: Promise<unknown>): Promise<FiscusError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof FiscusError, String(e));
    return e;
  }
  assert.fail('expected an error');
}

test('a UTF-8 CSV is read with projects by name or id, both date forms, vouchers and payees', async () => {
  const csv = '项目,日期,金额(元),凭证号,收款方\n基础设施运行维护,2021-03-15,"1,234.56",记-001,某公司\nform-2,2021/7/1,800,,\n';
  const ps = await readPayments(utf8(csv), 'payments.csv', budget);
  assert.deepEqual(ps, [
    { row: 2, formId: 'form-1', formName: '基础设施运行维护', date: '2021-03-15', fen: 123456, voucher: '记-001', payee: '某公司' },
    { row: 3, formId: 'form-2', formName: '应用系统运行维护', date: '2021-07-01', fen: 80000, voucher: null, payee: null },
  ]);
});

test('a GBK-encoded CSV is decoded and read like its UTF-8 twin', async () => {
  const csv = '项目,日期,金额(元)\r\n应用系统运行维护,2021-05-20,99.9\r\n';
  const bytes = gbk(csv);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the test input really is not UTF-8');
  const ps = await readPayments(bytes, 'gbk.csv', budget);
  assert.equal(ps.length, 1);
  assert.equal(ps[0]!.formId, 'form-2');
  assert.equal(ps[0]!.fen, 9990);
});

test('a tab-separated export (UTF-8, and UTF-16 with its byte-order mark as spreadsheets write it) is read like the CSV', async () => {
  const tsv = '项目\t日期\t金额(元)\t凭证号\n基础设施运行维护\t2021-03-15\t1,234.56\t记-001\nform-2\t2021/7/1\t800\t\n';
  const expected = [
    { row: 2, formId: 'form-1', formName: '基础设施运行维护', date: '2021-03-15', fen: 123456, voucher: '记-001', payee: null },
    { row: 3, formId: 'form-2', formName: '应用系统运行维护', date: '2021-07-01', fen: 80000, voucher: null, payee: null },
  ];
  assert.deepEqual(await readPayments(utf8(tsv), 'payments.txt', budget), expected);
  const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(tsv, (ch) => ch.charCodeAt(0)).buffer)]);
  assert.deepEqual(await readPayments(utf16, 'payments.txt', budget), expected);
});

test('broken quoting is named at its line in words, not as the byte the CSV parser stopped at', async () => {
  const e = await thrown(readPayments(utf8('项目,日期,金额(元),收款方\nform-1,2021-01-05,5,"某"公司\n'), 'q.csv', budget));
  assert.equal(e.code, 'INPUT_INVALID');
  assert.equal(e.where.line, 2);
  assert.match(e.message, /实为闭合引号之后同一字段中还有其他字符$/);
  const open = await thrown(readPayments(utf8('项目,日期,金额(元),收款方\nform-1,2021-01-05,5,"某公司\n'), 'q.csv', budget));
  assert.match(open.message, /实为未闭合的带引号字段$/);
});

test('an amount column in 万元 is converted to fen by its header', async () => {
  const ps = await readPayments(utf8('项目,日期,金额（万元）\nform-1,2021-01-31,12.3456\n'), 'p.csv', budget);
  assert.equal(ps[0]!.fen, 12_345_600); // 12.3456 万元 = 123,456 元
});

test('a malformed amount names the file and row and nothing is returned', async () => {
  const lines = ['项目,日期,金额(元)'];
  for (let i = 2; i <= 16; i++) lines.push(`form-1,2021-02-${String(i).padStart(2, '0')},100.00`);
  lines.push('form-1,2021-03-01,"12,3.4"');
  lines.push('form-2,2021-03-02,5');
  const e = await thrown(readPayments(utf8(lines.join('\n')), 'payments.csv', budget));
  assert.equal(e.code, 'INPUT_INVALID');
  assert.equal(e.oneLine(), 'payments.csv:17: 应为金额（元），实为 "12,3.4"');
});

test('an unknown project, a date outside the budget year, an impossible date and a negative amount are errors naming the row', async () => {
  const head = '项目,日期,金额(元)\nform-1,2021-01-05,1\n';
  const cases: Array<[string, RegExp]> = [
    ['不存在的项目,2021-01-05,1', /^p\.csv:3: 应为2021 年预算中的项目.*实为 "不存在的项目"$/],
    ['form-1,2020-12-31,1', /^p\.csv:3: 应为2021 年内的日期，实为 "2020-12-31"$/],
    ['form-1,2021-02-30,1', /^p\.csv:3: 应为日期 YYYY-MM-DD 或 YYYY\/M\/D，实为 "2021-02-30"$/],
    ['form-1,2021-02-03,-5.00', /^p\.csv:3: 应为非负金额（元.*实为 "-5\.00"$/],
  ];
  for (const [line, re] of cases) {
    const e = await thrown(readPayments(utf8(head + line + '\n'), 'p.csv', budget));
    assert.match(e.oneLine(), re);
  }
});

test('a file without the amount column is refused at its header row', async () => {
  const e = await thrown(readPayments(utf8('项目,日期,备注\nform-1,2021-01-01,x\n'), 'p.csv', budget));
  assert.equal(e.code, 'INPUT_INVALID');
  assert.match(e.oneLine(), /^p\.csv:1: 应有 .*金额\(元\)/);
});

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('支付明细');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('an XLSX sheet is read with date cells, numeric amounts and text amounts', async () => {
  const bytes = await xlsx([
    ['项目', '日期', '金额(元)', '凭证号'],
    ['基础设施运行维护', new Date(Date.UTC(2021, 5, 30)), 318250.01, 'V1'],
    ['form-2', '2021/12/31', '2,000.50', null],
  ]);
  const ps = await readPayments(bytes, 'payments.xlsx', budget);
  assert.deepEqual(
    ps.map((p) => [p.row, p.formId, p.date, p.fen, p.voucher]),
    [
      [2, 'form-1', '2021-06-30', 31825001, 'V1'],
      [3, 'form-2', '2021-12-31', 200050, null],
    ],
  );
});

test('a bad XLSX row is reported by its sheet row number', async () => {
  const bytes = await xlsx([
    ['项目', '日期', '金额(元)'],
    ['form-1', '2021-01-02', 1],
    ['form-1', '2021-01-03', 0.001],
  ]);
  const e = await thrown(readPayments(bytes, 'p.xlsx', budget));
  assert.equal(e.oneLine(), 'p.xlsx:3: 应为金额（元），实为 "0.001"');
});

test('an error cell of the sheet (#N/A) is named as the spreadsheet shows it, not as [object Object]', async () => {
  const bytes = await xlsx([
    ['项目', '日期', '金额(元)'],
    ['form-1', '2021-01-02', { error: '#N/A' }],
  ]);
  const e = await thrown(readPayments(bytes, 'p.xlsx', budget));
  assert.equal(e.oneLine(), 'p.xlsx:2: 应为金额（元），实为 "#N/A"');
});

test('amounts that add up beyond Number.MAX_SAFE_INTEGER fen are refused at the row that overflows (issue 11)', async () => {
  // Each row is a safe amount (90,071,992,547,409.91 元 = MAX_SAFE_INTEGER fen); two of them are not.
  const max = '90071992547409.91';
  const e = await thrown(readPayments(utf8(`项目,日期,金额(元)\nform-1,2021-01-05,${max}\nform-1,2021-01-06,0.01\n`), 'p.csv', budget));
  assert.equal(e.code, 'INPUT_INVALID');
  assert.match(e.oneLine(), /^p\.csv:3: 金额合计应不超过 9007199254740991 分/);
  const one = await readPayments(utf8(`项目,日期,金额(元)\nform-1,2021-01-05,${max}\n`), 'p.csv', budget);
  assert.equal(one[0]!.fen, Number.MAX_SAFE_INTEGER);
});
