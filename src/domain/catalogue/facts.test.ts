import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { budgetItemOf, changeKeysOf, departmentOfCover, factKeyOf, factLabel, FACT_KEYS, scopeOf, subjectOf } from './facts.js';

/** The key the words before an amount give, in a sentence about `side`. */
const keyOf = (words: string, side: 'revenue' | 'expenditure' | null = null, names: string[] = []) => {
  const s = subjectOf(words, names);
  return s ? factKeyOf(s, scopeOf(words), side) : null;
};

describe('the fact vocabulary', () => {
  it('names the totals as the regions print them (corpus phrasings)', () => {
    assert.equal(keyOf('2026年本部门收入预算'), 'revenue.total'); // guangzhou-statistics-bureau-2026-budget
    assert.equal(keyOf('本部门当年预算收入'), 'revenue.total'); // xian-audit-bureau-2026-budget
    assert.equal(keyOf('相应安排支出预算'), 'expenditure.total'); // fuzhou-commerce-bureau-2026-budget
    assert.equal(keyOf('本年收入合计'), 'revenue.total'); // suzhou-data-bureau-2026-budget
    assert.equal(keyOf('2026年收支预算'), 'income-expenditure.total'); // yantai-civil-affairs-bureau-2026-budget
    assert.equal(keyOf('苏州市数据局2026年度财政拨款收、支总预算', null, ['苏州市数据局']), 'appropriation.total');
    assert.equal(keyOf('2026年深圳市统计局(本级)部门预算收入', null, ['深圳市统计局(本级)']), 'revenue.total');
    assert.equal(keyOf('2021年深圳市福田区数据管理中心部门预算收入'), 'revenue.total', 'a name before 部门预算 is the department');
  });

  it('scopes a figure by its funding source', () => {
    assert.equal(keyOf('本部门当年一般公共预算拨款支出'), 'expenditure.general');
    assert.equal(keyOf('财政拨款支出预算'), 'expenditure.appropriation');
    assert.equal(keyOf('一般公共预算拨款收入'), 'revenue.general');
    assert.equal(keyOf('财政拨款收入'), 'revenue.gov-approp');
    assert.equal(keyOf('一般公共预算拨款基本支出'), 'expenditure.general.basic');
    assert.equal(keyOf('一般公共预算拨款', 'expenditure'), 'expenditure.general');
    assert.equal(keyOf('一般公共预算拨款', null), null, 'a bare source outside a revenue or expenditure sentence');
  });

  it('recognises the topical figures anywhere in the words', () => {
    assert.equal(keyOf('2026年本单位机关运行经费财政拨款预算'), 'operating-funds');
    assert.equal(keyOf('2026年通过一般公共预算财政拨款安排的“三公”经费预算共'), 'three-public.total');
    assert.equal(keyOf('公务用车购置及运行费'), 'three-public.vehicles');
    assert.equal(keyOf('公务用车购置费'), 'three-public.vehicle-purchase');
    assert.equal(keyOf('公务用车运行维护费'), 'three-public.vehicle-running');
    assert.equal(keyOf('因公出国(境)经费'), 'three-public.overseas');
    assert.equal(keyOf('拟采购服务支出'), 'procurement.services');
    assert.equal(keyOf('其中一般公共预算拨款政府采购'), 'procurement.general.total');
  });

  it('leaves words that name no figure of the contract unkeyed', () => {
    assert.equal(keyOf('在职人员经费'), null); // not 人员支出, which includes retirees' pay
    assert.equal(keyOf('对个人和家庭的补助支出'), null);
    assert.equal(keyOf('教育支出'), null);
    assert.equal(keyOf('上年实户资金余额'), null);
    assert.equal(keyOf('莲塘口岸一站式平台运营管理项目上年结转', 'revenue'), null);
    assert.equal(keyOf('上年结转结余的单位资金', 'revenue'), null);
    assert.equal(keyOf('上年结转', null), null, 'a carry-over outside a revenue sentence');
    assert.equal(keyOf('其他收入', 'expenditure'), null);
    assert.equal(keyOf('2024年本部门面向中小企业预留政府采购项目预算金额'), null);
  });

  it('reads budget items of the classifications with their path or code', () => {
    assert.deepEqual(budgetItemOf('(2)交通运输支出(类)超长期特别国债安排的支出(款)公路水路运输(项)预算为'), {
      subject: 'function.item',
      label: '交通运输支出(类)超长期特别国债安排的支出(款)公路水路运输(项)',
    });
    assert.deepEqual(budgetItemOf('(一)2011301-行政运行'), { subject: 'function.item', label: '2011301 行政运行' });
    assert.deepEqual(budgetItemOf('1.行政运行(2010801)'), { subject: 'function.item', label: '2010801 行政运行' });
    assert.deepEqual(budgetItemOf('(1)工资福利支出(301)'), { subject: 'economic.item', label: '301 工资福利支出' });
    assert.equal(budgetItemOf('公务接待费'), null);
  });

  it('names the change keys of the contract', () => {
    assert.deepEqual(changeKeysOf('revenue.total'), { amount: 'revenue.change.amount', percent: 'revenue.change.percent' });
    assert.deepEqual(changeKeysOf('three-public.reception'), { amount: 'three-public.reception.change', percent: 'three-public.reception.change.percent' });
    assert.deepEqual(changeKeysOf('operating-funds'), { amount: 'operating-funds.change', percent: 'operating-funds.change.percent' });
    assert.deepEqual(changeKeysOf('function.item'), { amount: 'function.item.change.amount', percent: 'function.item.change.percent' });
  });

  it('reads the department from the cover', () => {
    assert.equal(departmentOfCover('2026年度福州市商务局部门预算目录'), '福州市商务局');
    assert.equal(departmentOfCover('重庆市商务委员会 2026 年部门预算情况说明'), '重庆市商务委员会');
    assert.equal(departmentOfCover('上海市2026年市级单位预算预算单位:上海市数据局目录'), '上海市数据局');
    assert.equal(departmentOfCover('2026 年深圳市统计局(本级)部门预 算'), '深圳市统计局(本级)');
    assert.equal(departmentOfCover('第一部分 部门概况'), null);
  });

  it('labels every key, patterned keys included', () => {
    assert.equal(factLabel('expenditure.general.personnel'), '（某一资金来源的）人员经费');
    assert.equal(factLabel('three-public.vehicles.change'), '“三公”经费某项比上年增减');
    assert.equal(new Set(FACT_KEYS.map((k) => k.key)).size, FACT_KEYS.length);
  });
});
