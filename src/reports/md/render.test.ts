import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleDocument } from '../testing/fixture.js';
import { buildReportView } from '../view/report.js';
import { renderMarkdown } from './render.js';

test('the Markdown package has the parts, right-aligned amount columns and the forms', () => {
  const md = renderMarkdown(buildReportView(sampleDocument()));
  assert.match(md, /^## 第二部分 部门预算收支总体情况$/m);
  assert.match(md, /^\| 预算单位 \| 科目编码 \| 科目名称 \| 支出总计 \| 基本支出 \| 项目支出 \|$/m);
  assert.match(md, /^\| --- \| --- \| --- \| ---: \| ---: \| ---: \|$/m);
  assert.match(md, /^\| {2}\| 221 \| 　住房保障支出 \| 134\.56 \| 134\.56 \| {2}\|$/m);
  assert.match(md, /第一季度支付 175\.0万元/);
});
