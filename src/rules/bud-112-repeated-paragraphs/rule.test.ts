import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc } from '../_lib/test-doc.js';
import type { BudgetDocument } from '../../domain/model.js';

const src = (line: number) => ({ line, page: null, raw: '' });
const part = (sections: Array<{ title: string; paras: Array<[number, string]> }>): BudgetDocument['narrative']['parts'][number] => ({
  no: 3,
  title: '部门预算情况说明',
  src: src(1),
  sections: sections.map((s, i) => ({ no: String(i + 1), title: s.title, src: src(1), paragraphs: s.paras.map(([line, text]) => ({ text, src: src(line) })) })),
});
const narrative = (parts: BudgetDocument['narrative']['parts'], duties: Array<[number, string]> = []): BudgetDocument['narrative'] => ({
  parts,
  duties: duties.map(([line, text]) => ({ text, src: src(line) })),
  projects: [],
  glossary: [],
  facts: [],
});

// suzhou-data-bureau-2026-budget.txt lines 1030–1064: the same two paragraphs in 六、财政拨款基本支出 and 八、一般公共预算基本支出.
const PERSONNEL = '（一）人员经费 6,377.17 万元。主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费。';
const PUBLIC = '（二）公用经费 518.57 万元。主要包括：办公费、印刷费、手续费、水费、邮电费、物业管理费、差旅费、维修（护）费。';

test("the same paragraphs in two sections are the template's design (Suzhou): not reported", () => {
  const doc = emptyDoc({
    narrative: narrative([
      part([
        {
          title: '六、财政拨款基本支出预算情况说明',
          paras: [
            [1033, PERSONNEL],
            [1038, PUBLIC],
          ],
        },
        {
          title: '八、一般公共预算基本支出预算情况说明',
          paras: [
            [1057, PERSONNEL],
            [1062, PUBLIC],
          ],
        },
      ]),
    ]),
  });
  assert.deepEqual(runRule(rule, doc), []);
});

test('a paragraph printed twice in one section is a warning naming both lines; print line breaks do not hide it', () => {
  const doc = emptyDoc({
    narrative: narrative([
      part([
        {
          title: '六、财政拨款基本支出预算情况说明',
          paras: [
            [1033, PERSONNEL],
            [1038, PUBLIC],
            [1043, PERSONNEL.replace('职业年金', '职业\n年金')],
          ],
        },
      ]),
    ]),
  });
  const fs = runRule(rule, doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'warning');
  assert.match(fs[0]!.message, /六、财政拨款基本支出预算情况说明中同一段落重复出现（第 1033 行已印）：“（一）人员经费 6,377\.17 万元/);
  assert.equal(fs[0]!.location.line, 1043);
});

test('a duty listed twice (a numbered list printed twice) is a warning; short repeats are not judged', () => {
  const duties: Array<[number, string]> = [
    [20, '（六）负责全市政务数据资源的归集、共享和开放工作。'],
    [21, '（七）完成市委、市政府交办的其他任务。'],
    [30, '（六）负责全市政务数据资源的归集、共享和开放工作。'],
    [31, '无。'],
    [32, '无。'],
  ];
  const fs = runRule(rule, emptyDoc({ narrative: narrative([], duties) }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /部门职能中同一项职能重复列示（第 20 行已列）/);
});
