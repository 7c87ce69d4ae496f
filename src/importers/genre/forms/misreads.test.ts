/**
 * The form reader's rules about the genre, each shown on a small form shaped as the corpus prints
 * it (labels stacked around their value, letter-spaced labels, a form continued after its repeated
 * title, grids whose bands cannot be decided, compound units …).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DisplayUnit } from '../../../domain/money.js';
import { readSourceText } from '../../text/source.js';
import { formSession, readForms, type ReadForms } from '../forms.js';
import { segment } from '../segment.js';

function readAll(name: string, text: string, unit: DisplayUnit = '万元'): ReadForms[] {
  const src = readSourceText(Buffer.from(text, 'utf8'), `${name}.txt`);
  const session = formSession();
  return segment(src)
    .tables.filter((b) => b.type?.form)
    .map((b, i) => readForms(b, { file: `${name}.txt`, year: 2026, unit, id: `t${i + 1}` }, session));
}
const forms = (rs: ReadForms[]) => rs.flatMap((r) => r.projectForms);
const FF = '\f';

// --- 1. a label stacked over two lines around its value ------------------------------------

test('a label printed in halves above and below its value ("主管" / value / "部门") is one label owning that value', () => {
  const fs = forms(readAll('fuzhou-science-technology-bureau-2026-unit-budget', STACKED_LABEL));
  assert.equal(fs.length, 2);
  for (const f of fs) {
    assert.equal(f.competentDepartment?.text, '福州市科学技术局');
    assert.equal(f.overview.find((o) => o.label === '实施单位')?.text, '福州市科学技术局');
  }
  // A name wrapped so that its closing bracket stands alone on the next line keeps it.
  assert.equal(fs[1]!.name, '市级科技创新专项（福厦泉自创区专项资金）'.normalize('NFKC'));
});

const STACKED_LABEL = `${FF}                         36
福州大学科创和成果转化等扶持资金项目绩效目
          标表
项目 福州大学科创和成果转化等扶持资金
名称

主管
         福州市科学技术局              实施单位            福州市科学技术局
部门

专项           资金总额                     20000.00
资金
情况           财政拨款                     20000.00
（万
元）           其他资金                       0.00

     强化高端要素资源配置、创新策源和新动能孵化等核心功能。
年度
目标

      一级指标      二级指标           三级指标               指标值

      成本指标     经济成本指标          补助标准              ≤20000万元

                时效指标         补助资金发放及时率            ≥100%

备注


${FF}                         30
市级科技创新专项（福厦泉自创区专项资金）项
         目绩效目标表
项目 市级科技创新专项（福厦泉自创区专项资金
名称
            ）
主管                                                福州市科学技术
         福州市科学技术局               实施单位
部门                                                   局

专项           资金总额                      34070.00
资金
情况           财政拨款                      34070.00
（万
元）           其他资金                       0.00

年度   推动科技创新。
目标

      一级指标      二级指标           三级指标             指标值

      效益指标     社会效益指标         成果转化数              ≥2项

备注
`;
