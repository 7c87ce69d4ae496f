import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, csvText } from './csv.js';

test('a text cell that a spreadsheet would read as a formula gets a leading quote and is quoted', () => {
  assert.equal(csvField('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvField('+1+2'), `"'+1+2"`);
  assert.equal(csvField('-2+3'), `"'-2+3"`);
  assert.equal(csvField('@SUM(A1)'), `"'@SUM(A1)"`);
  assert.equal(csvField('\t=1'), `"'\t=1"`);
  assert.equal(csvField('\r=1'), `"'\r=1"`);
  // A negative figure in a text column is text too: the column decides, not the look of the value.
  assert.equal(csvField('-12.50', 'text'), `"'-12.50"`);
});

test('ordinary text is written as it is, quoted only for commas, quotes and line breaks', () => {
  assert.equal(csvField('深圳市福田区数据管理中心'), '深圳市福田区数据管理中心');
  assert.equal(csvField('a=b'), 'a=b');
  assert.equal(csvField('1,270.74'), '"1,270.74"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField(null), '');
  assert.equal(csvField(undefined), '');
});

test('a number column keeps negative numbers as numbers and escapes anything else', () => {
  assert.equal(csvField('-12.50', 'number'), '-12.50');
  assert.equal(csvField(-12.5, 'number'), '-12.5');
  assert.equal(csvField(2021, 'number'), '2021');
  assert.equal(csvField('', 'number'), '');
  assert.equal(csvField('≤2%', 'number'), '≤2%');
  assert.equal(csvField('-1+cmd|x', 'number'), `"'-1+cmd|x"`);
  assert.equal(csvField('=1+1', 'number'), `"'=1+1"`);
  assert.equal(csvField(Number.NaN, 'number'), 'NaN');
});

test('csvText writes a header and rows by column kind, CRLF after every record', () => {
  assert.equal(
    csvText(
      ['名称', '差额'],
      ['text', 'number'],
      [
        ['=A1', '-0.56'],
        ['-x', -3],
      ],
    ),
    `名称,差额\r\n"'=A1",-0.56\r\n"'-x",-3\r\n`,
  );
});
