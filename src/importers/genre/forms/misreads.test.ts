/**
 * The form reader's rules about the genre, each shown on a small form shaped as the corpus prints
 * it (labels stacked around their value, letter-spaced labels, a form continued after its repeated
 * title, grids whose bands cannot be decided, compound units …).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { readSourceText } from '../../text/source.js';
import { endsGrid } from './grid.js';
import { forms, readAll } from './test-read.js';
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

// --- 2. labels letter-spaced or stacked one character a line -------------------------------

test('a label printed one character a line ("总" / "体" / "目" / "标") around its text is the label it spells', () => {
  const [f] = forms(readAll('xian-statistics-bureau-2026-budget', STACKED_CHARS, '元'));
  assert.equal(f!.name, '第四次全国农业普查');
  assert.equal(f!.annualGoal?.text, '为全面贯彻落实国家关于周期性开展农业普查的重大决策部署,科学制定个性支农惠农政策,开展西安市全国第四次农业普查。');
});

test('an empty "年度目标" heading does not hide the goal under a letter-spaced "总 体 目 标"; targets by their form fix the target column', () => {
  const [f] = forms(readAll('xian-meteorological-bureau-2022-budget', SPACED_LEVELS, '元'));
  assert.match(f!.annualGoal?.text ?? '', /^目标1:完成气象灾害监测数据收集.*目标2:通过项目的实施/);
  assert.deepEqual(
    f!.indicators.map((i) => `${i.level1}/${i.level2}/${i.name} | ${i.raw}`),
    [
      '产出指标/数量指标/指标1:区域自动气象站运行正常 | 每月站点正常运行率≥95%',
      '产出指标/数量指标/指标2:作业次数 | 飞机增雨10次/年;火箭增雨12次/年',
      '产出指标/数量指标/指标3:预警信息发布 | >3万条/年',
      '产出指标/数量指标/指标4:天气预报节目 | ≥366期',
      '产出指标/质量指标/指标1:人工增雨(雪)作业效果 | 增加降水量≥10%',
      '产出指标/质量指标/指标2:防雷安全执法到位 | 全年执法≥12次',
    ],
  );
});

const STACKED_CHARS = `表14

                      部门专项业务经费绩效目标表
                               (2026年度)

项目名称                  第四次全国农业普查

         主管部门         西安市统计局

                         实施期资金总额：         1,607.39
         资金金额                                                 执行率分值（
                          其中：财政拨款         1,607.39
          (万元)                                                10分）

                      其他资金                0.00

      总
        为全面贯彻落实国家关于周期性开展农业普查的重大决策部署，
      体
        科学制定个性支农惠农政策，开展西安市全国第四次农业普查
      目
                               。
      标

                                                              分值权重（90
       一级指标二级指标       三级指标                           指标值
                                                                分）

                        清查表登记成本（元/户）                  ≤2         3

       成本指
              经济成本指标
        标
                        短表登记成本（元/户）                   ≤8         2
`;

const SPACED_LEVELS = `表 14


                        2022 年部门预算专项业务经费绩效目标表


                        专项（项目）名称                      其他履职经费

              主管部门                                    西安市气象局

              资金金额                 实施期资金总额：       1715.97

              （万元）                     其中：财政拨款    1715.97

                                          其他资金

                                           年度目标


             目标 1：完成气象灾害监测数据收集，确保年度气象灾害监测预警系统运行正常。做
             好各项气象监测设备维护。
   总 体 目 标
             目标 2：通过项目的实施，提高市级突发事件预警发布系统的运行能力和信息覆盖面。通过市突发事件预警发布平台宽带租
             用，确保市级突发事件预警发布系统正常运行。

                   一级
                            二级指标        指标内容                    指标值
                   指标
                                   指标 1：区域自动气象站运
                                                 每月站点正常运行率≥95%
                                   行正常
   绩 效 指 标
              产 出 指 标       数量指标
                                   指标 2：作业次数      飞机增雨 10 次/年；火箭增雨 12 次/年

                                   指标 3：预警信息发布    >3 万条/年

                                   指标 4：天气预报节目    ≥366 期
                                   指标 1：人工增雨（雪）作
                                                 增加降水量≥10%
                                   业效果
                            质量指标
                                   指标 2：防雷安全执法到位 全年执法≥12 次
表 15
`;

// --- 3. a form continued after its title printed again -------------------------------------

test('a form continued on the next page under its title printed again keeps its rows', () => {
  const rs = readAll('yantai-commerce-bureau-2026-budget', CONTINUED_CARD);
  const fs = forms(rs);
  assert.deepEqual(
    fs.map((f) => f.name),
    ['商务事业发展经费', '城市综合营销和对外宣传专项资金'],
  );
  const [a, b] = fs;
  assert.deepEqual(
    a!.indicators.map((i) => `${i.level1}/${i.level2}/${i.name} ${i.raw}`),
    [
      '产出指标/时效指标/各项商务工作按期完成率 ≥80%',
      '效益指标/社会效益指标/保障商务工作正常运转情况 正常运转',
      '效益指标/可持续影响指标/项目对老干部工作持续保障情况 100%',
      // A name that repeats its level's words stays the name.
      '满意度指标/服务对象满意度指标/服务对象满意度 ≥95%',
    ],
  );
  assert.equal(b!.indicators.length, 1);
  assert.deepEqual(
    rs.flatMap((r) => r.notes).filter((n) => n.code === 'form-unreadable'),
    [],
  );
});

const CONTINUED_CARD = `${FF}                   政策和项目预算绩效目标表
                       (2026年度)
         项目名称                            商务事业发展经费

       主管部门及代码             281_烟台市商务局      实施单位           烟台市商务局

                          年度预算资金总额：                   817.00
         项目资金
                          其中：财政拨款                     740.00
         （万元）
                            其他资金                       77.00

总体目标   落实好市委市政府安排的各项工作。

        一级指标     二级指标         三级指标                    指标值

绩效指标 产出指标      时效指标     各项商务工作按期完成率              ≥80%

绩效指标 效益指标     社会效益指标   保障商务工作正常运转情况              正常运转




                             — 40 —
${FF}                   政策和项目预算绩效目标表
                       (2026年度)
                   政策和项目预算绩效目标表
                       项目对老干部工作持续保障
                            情况        100%
绩效指标 效益指标    可持续影响指标

绩效指标 满意度指标   服务对象满意度     服务对象满意度      ≥95%
               指标




                            — 41 —
${FF}                   政策和项目预算绩效目标表
                       (2026年度)
         项目名称                            城市综合营销和对外宣传专项资金

       主管部门及代码             281_烟台市商务局      实施单位           烟台市商务局

                          年度预算资金总额：                   50.00
         项目资金
                          其中：财政拨款                     50.00
         （万元）
                            其他资金                       0.00

总体目标   提升城市知名度。

        一级指标     二级指标         三级指标                    指标值

绩效指标 满意度指标   服务对象满意度    受益对象满意度                     ≥95%
               指标
`;

// --- 5. a grid's block field, a name's closing bracket ---------------------------------------

test('a field printed above a grid of projects ("资金主管部门：…") is every project\'s; a name\'s closing piece ends the name above', () => {
  const [f] = forms(readAll('chongqing-meteorological-bureau-2026-budget', GRID_WITH_FIELD));
  assert.equal(f!.name, '气象事务');
  assert.equal(f!.competentDepartment?.text, '重庆市气象局');
  assert.deepEqual(
    f!.indicators.map((i) => `${i.name} ${i.comparator}${i.value}${i.unit}`),
    [
      '气候预测准确率 ≥68%',
      '气象台站改造数量 ≥4个',
      '确保市局各类气象业务及管理工作稳定持续运转 =365天数',
      '短期天气预报准确率 ≥78%',
      '地面增雨作业次数 ≥65次/年',
      '气象安全重点单位监督检查 ≥1000次数',
      '观测系统业务可用性(国家地面站) ≥98%',
      '综合观测系统装备维修时限(国家地面站) ≤36小时',
      '部门预决算按时公开率 =100%',
      '观测系统传输及时率(国家地面站) ≥98%',
      '公众气象服务满意度 ≥90分',
      '年度预算执行率 =100%',
    ],
  );
});

const GRID_WITH_FIELD = `${FF}表十二

                2026 年市级一般性项目绩效目标表 (一级项目 )
资金主管部门:重庆市气象局                                                                            单位:万元

             当年财政拨                                                     指标          计量    指标权重
序号    项目名称                    当年绩效目标                   指标名称                 指标值           (%)
             款预算金额                                                     性质          单位
                                               气候预测准确率                 ≥    68     %       12

                                               气象台站改造数量                ≥     4     个       11
                                               确保市局各类气象业务及管理工作
                                               稳定持续运转                  =    365    天数      10
                         1.全力做好 “十五五”规划编制, 短期天气预报准确率                   ≥    78     %       13
                       扎实推进智慧气象多跨融合试点建设
                       等试点示范建设。
                         2.迭代升级数智气象业务技术体 地面增雨作业次数                      ≥    65     次/年     13
                       系,着力建设具有全国影响力的气象
                       科技创新中心,纵深推进成渝地区双 气象安全重点单位监督检查                   ≥    1000   次数      4
1    气象事务    4,902
                 .34   城经济圈气象保障,积极拓展新质生 观测 系 统 业 务 可 用 性 (国 家 地 面
                       产力气象服务。             站)                          ≥    98     %       5
                         3.打造西部陆海新通道气象保障
                       等内陆开放国际合作引领区气象保障 综合观测系统装备维修时限 (国家               ≤    36     小时      8
                       应用场景标志性成果。          地面站)
                         4.打造全面深化改革先行区气象 部门预决算按时公开率                    =    100    %       4
                       保障体系标志性成果,加强气象
                                           观测 系 统 传 输 及 时 率 (国 家 地 面
                                           站)                          ≥    98     %       5

                                               公众气象服务满意度               ≥    90     分       5

                                               年度预算执行率                 =    100    %       10
`;

// --- 8. a goal's last line is not the next project's goal ---------------------------------

test("in a grid whose projects are one row each, a goal's last line before a blank line is not the next project's goal", () => {
  const fs = forms(readAll('huzhou-health-commission-2026-budget', ONE_ROW_PROJECTS));
  assert.deepEqual(
    fs.map((f) => f.name),
    ['医院建设发展', '医学人才培养', '公立医院改革与高质量发展示范项目'],
  );
  assert.match(fs[1]!.annualGoal!.text, /得出相关结论,取得相关成果。$/);
  // The last project prints no goal where it stands: none is read (not the line above it).
  assert.equal(fs[2]!.annualGoal, undefined);
});

const ONE_ROW_PROJECTS = `${FF}                                   2026年市级部门项目支出绩效表
507-湖州市卫生健康委员会                                                                                   万元
       单位名称                 项目名称        金额                               项目总体绩效目标
         **                  **          **                                 **


                                                 中医院迁建项目位于仁皇山分区，东靠安吉路，南接青太路，西临长兴路，北为规划道路。建设内容
                                                 主要包括急诊部、门诊部、住院部、医技科室和药剂科室等医疗业务用房，中药制剂室、中医综合传
湖州市中医院           医院建设发展                 5,500.00
                                                 统诊疗室、科研用房，教学用房，大型医疗设备用房，保障系统、行政管理和院内生活服务等医疗辅
                                                 助用房，地下停车场及相关配套工程。


                                                  规培学员完成本阶段轮转科室的临床医疗工作，深入学习和掌握本专业的临床技能和理论知识。顺利
                                                  通过年度和结业考核，考核通过率在90％以上。使带教老师的带教水平大大提高，带教积极性大大增
湖州市中医院           医学人才培养                     46.93 强。高层次人培养对象的科研及技术创新能力显著提高，个人综合素质能力进一步增强。浙江省中医
                                                  药科技计划等项目的年度任务及阶段性任务。湖州市科技计划项目完成相关技术指标，得出相关结
                                                  论，取得相关成果。


湖州市中医院           公立医院改革与高质量发展示范项目           21.55
`;

// --- 9. rows a grid without borders cannot place -------------------------------------------

test('in a grid printed without cell borders, rows that centring cannot give to one project are noted as info (not a defect of the document), and read', () => {
  const rs = readAll('beijing-audit-bureau-2026-budget', UNRULED_GRID);
  const names = forms(rs).map((f) => f.name);
  assert.deepEqual(names, ['互联网及专网接入服务', '信息化设备购置', '高级审计师职称评审费及特约审计员经费']);
  const doubt = rs.flatMap((r) => r.notes).filter((n) => n.code === 'form-rows-uncertain');
  assert.deepEqual(
    doubt.map((n) => [n.severity, n.src.line]),
    [
      ['info', 28],
      ['info', 45],
    ],
  );
  assert.match(doubt[0]!.message, /可能属于项目“互联网及专网接入服务”或“信息化设备购置”/);
  // Every indicator row is still read, in one project or the other.
  assert.equal(forms(rs).flatMap((f) => f.indicators).length, 30);
});

test("in a grid printed without cell borders, a row level with its project's own name, goal or amounts has its place read; any other row's place is inferred", () => {
  const fs = forms(readAll('beijing-audit-bureau-2026-budget', UNRULED_GRID));
  const placed = (i: number) => fs[i]!.indicators.filter((x) => !x.placeInferred).map((x) => x.name);
  // 互联网及专网接入服务: its goal runs from line 16 to 25, its amounts on line 20.
  assert.deepEqual(placed(0), ['接入互联网线路数量', '互联网带宽', '以太网电路带宽']);
  // 信息化设备购置: its name, amounts and goal on lines 35–39; the rows above and below are placed by centring.
  assert.deepEqual(placed(1), ['购置打印机', '设备验收通过率']);
  assert.ok(fs[1]!.indicators.filter((x) => x.name === '总成本控制率').every((x) => x.placeInferred));
});

/** beijing-audit-bureau-2026-budget.txt: the grid's header (lines 331–340) and page 15 (lines 498–555), no borders in the text. */
const UNRULED_GRID = `${FF}                                                            预算表12 项目支出绩效目标表
                                                                                                                          金额单位：万元

                                       其中：
                                                                                                           绩效指   本年绩效        绩效度
     项目名称             项目总额                                 绩效目标           一级指标    二级指标            三级指标
                                                                                                           标性质   指标值         量单位
                                  财政资金        其他资金


${FF}                                                                    产出指标    时效指标      支付进度与合同约定相符度      ＝    100   %
                                                                    产出指标    时效指标      工作进度与合同相符率        ＝    100   %

                                                                    产出指标    数量指标      租用以太网电路数量         ＝    1     条

                                                在办公区接入互联网 ，保证市审计局   产出指标    数量指标      接入互联网线路数量         ＝    2     条
                                                工作人员能够较为便捷地使用互联网    产出指标    质量指标      互联网带宽             ＝    110   MB
11000024T0000028723
                                                查询相关资料，使用各类系统；实现
08-互联网及专网接入           21.920400     21.920400                       产出指标    质量指标      以太网电路带宽           ＝    2     MB
                                                审计系统的通联使用 ，资料信息的查
服务
                                                询应用，部门单位间的信息传递 ，提                     保障市审计局工作人员的互联网
                                                                    效益指标    社会效益指标                      定性   优
                                                高工作效率，增强审计效能。                         使用
                                                                    效益指标    社会效益指标    保障信息传递            定性   优
                                                                            服务对象满意度
                                                                    满意度指标             相关管理人员满意度         ≥    90    %
                                                                            指标
                                                                    成本指标    经济成本指标    总成本控制率            ＝    100   %
                                                                    产出指标    时效指标      12月31日项目资金支出进度    ＝    100   %
                                                                    产出指标    时效指标      12月31日前完成设备购置工作   ＝    100   %
                                                                    产出指标    数量指标      购置便携式计算机          ＝    209   台
                                                                    产出指标    数量指标      购置扫描仪             ＝    9     台
                                                采购打印机、扫描仪等用品，更新补
11000024T0000028723                                                 产出指标    数量指标      购置打印机             ＝    10    台
                      227.930100   227.930100   充设备，满足办公打印及网络使用 ，
26-信息化设备购置
                                                保障日常办公有效运行 。        产出指标    质量指标      设备验收通过率           ＝    100   %
                                                                    效益指标    社会效益指标    满足市审计局工作人员办公需求    定性   优     其他
                                                                    成本指标    经济成本指标    总成本控制率            ＝    100   %
                                                                            服务对象满意度   综合事务中心相关管理人员满意
                                                                    满意度指标                               ≥    90    %
                                                                            指标        度
                                                                    产出指标    质量指标      特约审计员履职与职责相符程度    ≥    90    %
                                                                                      职称评审结果通过市人力社保局
                                                                    产出指标    质量指标                        ＝    100   %
                                                                                      组织的社会化验收的比率
                                                                                      特约审计员工作进度按计划完成
                                                                    产出指标    时效指标                        ＝    100   %
                                                                                      率
                                                                                      12月底前高级审计师评审工作进
                                                组织开展高级审计师职称评审 ，为审   产出指标    时效指标                        ＝    100   %
11000024T0000028725                                                                   度
                                                计人才认定和储备提供支持 。聘请特                     聘请参与审计工作的特约审计员
11-高级审计师职称评                                                         产出指标    数量指标                        ＝    10    人
                        3.000000     3.000000   约审计员为审计提供建设性意见建议                      人数
审费及特约审计员经
                                                和联络咨询服务，增强对审计工作的
费                                                                   产出指标    数量指标      组织高级审计师评审工作       ＝    1     次
                                                监督，促进提高审计工作质量 。
                                                                                      邀请特约审计员参与参加相关会
                                                                    产出指标    数量指标                        ≥    2     次
                                                                                      议活动、项目的次数
                                                                    效益指标    社会效益指标    提升审计监督职责效能        定性   优
                                                                    效益指标    社会效益指标    支持审计人才认定和储备       定性   优
                                                                    成本指标    经济成本指标    聘请特约审计师相关费用       ≤    1     万元
                                                                    成本指标    经济成本指标    高级审计师评审工作相关费用     ≤    2     万元
`;

// --- 10. rows printed one a line, each with its own target ---------------------------------

test('a line printing its own name beside a target, under a target already complete, is the next row, not the wrapped part of the row above', () => {
  const hs = forms(readAll('xian-healthcare-security-bureau-2022-budget', ONE_ROW_A_LINE));
  const pairs = hs.flatMap((f) => f.indicators).map((i) => `${i.name}=${i.raw}`);
  for (const p of ['重点工作会议培训=10余次', '办公设备购置等=约6类', '专项检查、抽查等=≥2次', '专业技术指导和咨询=约2次', '行政执法标准化建设=逐步达标'])
    assert.ok(pairs.includes(p), `${p} in ${pairs.join(' | ')}`);
  assert.equal(pairs.length, 22);
  // A rate completed by its direction word ("完善率95%以上") is complete too; a direction word alone completes the target above.
  const ts = readAll('xian-state-owned-assets-commission-2022-budget', RATE_THEN_ROW).flatMap((r) => r.departmentTargets?.indicators ?? []);
  const at = (name: RegExp) => ts.find((i) => name.test(i.name))?.raw;
  assert.equal(at(/^完成项目投资$/), '20759.03');
  assert.equal(at(/^督导监管企业安全生产/), '完善率95%以上');
  assert.match(at(/^实现以管资产向管资本的转变/) ?? '', /^,?使国企形成协调运转/);
  // A unit's wrapped end beside the name's wrapped part ("≤37 微克/立方" / "均浓度 米") stays with its row.
  const fz = forms(readAll('fuzhou-gulou-ecology-environment-bureau-2026-unit-budget', UNIT_WRAPPED)).flatMap((f) => f.indicators);
  assert.deepEqual(
    fz.filter((i) => /浓度/.test(i.name)).map((i) => `${i.name}=${i.raw}`),
    ['污染物指标年均浓度=≤37微克/立方米', '污染物指标年均浓度=≤20微克/立方米'],
  );
});

/** xian-healthcare-security-bureau-2022-budget.txt lines 1094–1141: 表14, one indicator a line. */
const ONE_ROW_A_LINE = `
      245003 西安市医疗保险基金管理中心        0        0      0       0    0    0   0         0         0        0        0     0       0        0    0       0        0         0        0        0     0        0        0    0       0         0        0
${FF}表14

                                     2022年部门预算专项业务经费绩效目标表
           项目名称                                          其他履职尽责专项业务费
           主管部门                                               西安市医疗保障局
                         实施期资金总额：                                                         3075.23
           资金金额
                            其中：财政拨款                                                       3075.23
           （万元）
                                  其他资金
      总     深入推动我市深化医疗保障制度改革实施方案和“十四五”医保事业发展规划落地实施，接续推进政策完善、机制健全、服务优化，加快建设我市“价值医保”体系，提升群众获得感幸福感，为
      体   我市谱写高质量发展新篇章提供强有力医保支撑。加快服务型机关建设，保障政务运行、对外宣传、确保依法行政、医保扶贫，有效提升综合监管、宣传引导、信息化建设、经办服务、基金监管、人
      目   才队伍建设等医疗保障服务能力。
      标
           一级指标   二级指标                           指标内容                           指标值                 备注

                         媒体宣传等                                                  10-15项
                         重点工作会议培训                                               10余次
                         办公设备购置等                                                 约6类
                         印制业务资料、工作手册、知识汇编等                                      20余次
                         委托业务劳务                                                  ≥3项
                         参加国家省会议，外出学习考察、扶贫工作差旅                                  40余次
                         维修维护项目                                                  ≥3项
                  数量指标
                         制定方案、专家论证                                               ≥2次

      年                  专项检查、抽查等                                                ≥2次
      度                  专业技术指导和咨询                                               约2次
      绩
      效                  租用运营商服务器                                               12个月
      指                  防病毒服务器                                                   1个
      标
                         设备更新及办公家具购置                                            169件
                         智能识别审核                                                 21800份
                         综合运行服务工作保障率                                             100%
                         医保系统正常运行保障率                                            ＞98%
                         根据抽样人群测算全市失能半失能老年人数质量                                   100%
                         分析测算抽样数据典型性                                             100%
            产
            出            通过专家论证确定可行性                                             100%
            指            指导意见及评估结果应用                                            ≥90%
            标     质量指标
                         按疾病诊断相关分组（DRG）付费模拟运行及实际付费试点医疗机构覆盖率                     100.00%
                         行政执法标准化建设                                              逐步达标
${FF}      产
      出
`;

/** xian-state-owned-assets-commission-2022-budget.txt lines 775–792: 表15's head, its tasks, goal and the first indicator line. */
const XIAN_SOE_T15_HEAD = `表15

                             2022年部门整体支出绩效目标表
  部门（单位）名称                         西安市人民政府国有资产监督管理委员会
                                                     预算金额（万元）
       任务名称             主要内容
                                              总额         财政拨款             其他资金
 年度     任务1   其他资源勘探信息等                    1188.17       1188.17
 主要     任务2   住房保障支出                       1120.75       1120.75
 任务     任务3   社会保障和就业支出                    149.43        149.43
        任务4   卫生健康支出                          59.7        59.7
                    金额合计                   2518.05       2518.05
      在2022年度收支预算内，确保完成以下整体目标 ：
 年度   目标1：国企改革、发展及厂办大集体工作 ；
 总体   目标2：业绩考核资本运营及国有资本经营预算工作
 目标   目标3：满足困难群众住房需求 ，维护社会稳定。
       一级指标   二级指标                指标内容                              指标值
                     负责督促检查直管企业贯彻落实有关安全生产方针政策及有关法律
`;

/** xian-state-owned-assets-commission-2022-budget.txt lines 775–792 and 817–833: 表15's head and the rows around 完成项目投资. */
const RATE_THEN_ROW = `${FF}${XIAN_SOE_T15_HEAD}${FF}    一级指标   二级指标                 指标内容                       指标值
                  按年度计划进度执行                            1- 12月执行率≥95%
                  全年完成混改、公司制改制进度                       1- 12月执行率≥98%
           时效指标
                  持续进行国资监管数据采集与融合                      1- 12月执行率≥95%
                  建设完成时间                                 2022年12约
    产出指标          市财政预算拨款，按进度进行                           1560.92
                  现要顺延基准月，需要提高基数。财政国企发展专项资金 、财政预
                                                           126.17
           成本指标   算资金
                  财政预算资金                                  10528.7
                  完成项目投资                                  20759.03
                  督导监管企业安全生产 、应急管理工作                    完善率95%以上
                  实现以管资产向管资本的转变 ，使国企形成协调运转、有效制衡的 落实国企改革三年行动方案 ，有序开展混
           经济效益   现代公司治理结构                       改，两类公司组建
年           指标
                  监管信息化水平稳步提高                            比同期上升5%
`;

/** fuzhou-gulou-ecology-environment-bureau-2026-unit-budget.txt lines 556–616: a form whose names and units wrap together. */
const UNIT_WRAPPED = `   环境管理监察监测经费项目绩效目标表

 项目名称            环境管理监察监测经费
                                       福州市鼓楼生
 主管部门       福州市生态环境局        实施单位
                                        态环境局

               资金总额                343.00
专项资金情况
               财政拨款                343.00
 （万元）
               其他资金                 0.00
         通过开展监测、  执法和生态环境监管等项目，按时完成 98 项监测工作、
         修编 1 项规划、制作 124 面的宣传版面，通过国家生态文明建设示范
 年度目标    区的评估复核，落实党政生态环保目标责任书，深入推进蓝天、碧水、
         净土保卫战，提升辖区环境质量，力争全年空气质量优良率达到 98%，
         集中式饮用水水源地优良水水质达标率达 100%。

          一级指标     二级指标     三级指标            指标值

                           财政投入成本
                                            ≤100%
绩效目标指标                       控制率
          成本指标    经济成本指标
                           监测站房租赁
                                            ≤100%
                           成本控制率
          产出指标     数量指标     监测次数            ≥150 次



                      21
${FF}                      监测结果合格
                                 ≥95%
                         率
             质量指标
                      评估复核通过
                                 ≥100%
                         率
                      宣传活动完成
                                 =100%
                        及时性
             时效指标
                      监测任务按时
                                 ≥95%
                        完成率
                      临聘人员上访
                                  ≤0%
                      事件发生率
             社会效益指标
                      空气质量优良
                                 ≥98%
                         率
                      污染物指标年   ≤37 微克/立方
     效益指标               均浓度         米
                      污染物指标年   ≤20 微克/立方
             生态效益指标     均浓度         米
                      集中式饮用水
                      水源地优良水     =100%
                      水质达标率
             服务对象满意   公众对生态环
`;

// --- 11. a department-wide card: stacked labels beside the tasks and beside the goal -------------

test("a department-wide card: the goal's lines beside its stacked label keep their order; the tasks end at their total row, whose label may stand under 主要内容, and a stacked 年度 beside them begins the tasks' own label", () => {
  const d = readAll('xian-petitions-bureau-2026-budget', DEPT_GOAL_STACKED)[0]!.departmentTargets!;
  assert.match(d.overallGoal.text, /^2026年,西安市信访局.*严格落实《信访工作条例》,聚焦.*提供坚实信访保障。$/);
  const s = readAll('xian-state-owned-assets-commission-2022-budget', DEPT_TASKS_STACKED)[0]!.departmentTargets!;
  assert.deepEqual(
    s.tasks.map((t) => `${t.name}|${t.content}|${t.total?.fen}`),
    ['任务1|其他资源勘探信息等|1188170000', '任务2|住房保障支出|1120750000', '任务3|社会保障和就业支出|149430000', '任务4|卫生健康支出|59700000'],
  );
  assert.equal(s.total?.total?.fen, 2518050000);
  assert.match(s.overallGoal.text, /^在2022年度收支预算内,确保完成以下整体目标.*目标1:国企改革、发展及厂办大集体工作;.*维护社会稳定。$/);
});

/** xian-petitions-bureau-2026-budget.txt lines 1131–1175: 表15, the goal's label stacked beside its three lines. */
const DEPT_GOAL_STACKED = `
${FF}
                                     部门整体支出绩效目标表
                                            （2026年度）
      部门（单位）名称                                         西安市信访局
                                                                     预算金额（万元）
              任务名称                   主要内容
                                                            总额            财政拨款      其他资金

        保运转             保障人员薪酬等基本支出                        1932.81        1932.81
                        落实完善领导干部接访下访制度，通过领导包案、一
        信访业务统筹实施        线办公推动信访问题就地化解；开展信访事项受理、             66.38          66.38
                        办理、复查复核等全流程核心业务，保障信访渠道畅
                        针对重点领域信访突出问题，联合多部门、引入多元
年 度 主 信访矛盾多元化解          通。
                        力量开展专项治理与矛盾化解；推进特殊疑难信访事            121.24         121.24              执行率分值
要 任 务                   项化解与成果巩固，推动信访人息诉息访。                                                    （10分）
                        负责进京信访信息预警、现场接访劝返、京地联动及
        驻京信访工作开展                                             256            256
                        重大会议活动信访保障。
                        承担信访系统日常运转、后勤保障等工作，为信访业
        信访运转服务保障                                           358.49         358.49
                        务高效开展提供支撑。
                        负责西联善后办等代管事务的经费管理，确保代管工
        代管事务经办                                              103.5          103.5
                        作规范推进。
                            金额合计                           2838.42        2838.42




 年度       2026年，西安市信访局以党的二十届四中全会精神为指引，深入贯彻习近平总书记关于加强和改进人民信访工作的重要思想，严格落实《信访
 总体     工作条例》，聚焦“减存量、控增量、防变量”核心目标，通过深化信访法治化建设、推进矛盾源头治理、高质量完成信访事项受理、办理、化解
 目标     等工作，为西安市社会稳定和经济发展提供坚实信访保障。



                                                                                              分值权重
        一级指标     二级指标                          三级指标                                 指标值
                                                                                              （90分）

                        信访事务业务经费支出（万元/年）                                            ≤443.62     8
        成本指标     经济成本
                        代管事务业务经费支出（万元/年）                                            ≤103.5      2


`;

/** xian-state-owned-assets-commission-2022-budget.txt lines 775–800: 表15, 年度主要任务 stacked beside the tasks. */
const DEPT_TASKS_STACKED = `
${FF}${XIAN_SOE_T15_HEAD}                                                                   对9户直管企业
                     法规 、标准等工作 。

                     按照“应改尽改、能改快改”的原则，推进竞争类企业混改；推进
                                                    完成竞争类国企混改，实现竞争类国企混概
                     全民所有制企业公司制改制厂办大集体改革 ，全面完成市属国有“
              数量指标                                  率达到50% .
                     僵尸企业 ”处置工作及退休人员社会化管理工作
`;

// --- 12. a list of targets wrapped at its items -----------------------------------------------

test("a list of targets wraps at any of its items: a line ending in the list's separator goes on with the next line of the column, touching it or with another cell's line between", () => {
  const f = forms(readAll('xian-petitions-bureau-2026-budget', LIST_WRAPPED)).find((x) => x.name === '接待中心运维')!;
  assert.deepEqual(
    f.indicators.map((i) => `${i.level2}=${i.raw}`),
    [
      '经济成本=≤115万元',
      '数量指标=2人;1人/天;2人;9547平方米;2人;6部',
      '质量指标=≥98%;≥95%',
      '时效指标=≤2小时;≤1小时;≤1小时;100%',
      '社会效益指标=≥95%',
      '可持续影响指标=1年',
      '服务对象满意度指标=≥95%',
    ],
  );
  assert.equal(f.indicators[1]!.name, '中心医务室(急救)医护人数;驻中心值班律师人数;驻中心人员调解员人数;保障市信访接待中心的正常运转,其中供暖面积;驻中心网络维保人数;维修电梯总数');
  assert.match(f.indicators[3]!.name, /^网络维保响应时间;电梯维保响应时间;消防设施设备维护时间;修缮工程按期完成率/);
});

/** xian-petitions-bureau-2026-budget.txt lines 988–1037: 表13, a card whose cells list several targets. */
const LIST_WRAPPED = `
${FF}表14

                          部门专项业务经费绩效目标表
                                   （2026年度）

        项目名称                                  接待中心运维

        主管部门                                  西安市信访局

                        实施期资金总额：                                  115.00
        资金金额                                                               执行率分值
                            其中：财政拨款                               115.00
        （万元）                                                                （10分）
                                其他资金
    保障年度市信访接待中心正常运转，医务室及律师咨询、司法调解、听证评议等接待中心服务费用支出；水、电、取暖、网
年 络维护、电梯维护、设施设备日常维修维护及其他工作的正常有效运转。
度
目
标

                                                                           分值权重
      一级指标    二级指标                 三级指标                    指标值
                                                                           （90分）
                     确保年度市信访接待中心工作的正常有效运转，成本控制在预算经
      成本指标    经济成本   费之内。劳务费；委托业务费；水费；电费；取暖费；办公设备和        ≤115万元             10
                     网络维保；电梯维保等
                     中心医务室（急救）医护人数；驻中心值班律师人数；驻中心人员     2人；1人/天；2人；
              数量指标   调解员人数；保障市信访接待中心的正常运转，其中供暖面积；驻     9547平方米；2人；6          20
                     中心网络维保人数；维修电梯总数                         部

年                    确保年度市信访接待中心正常有效运转,人员工作日在位率；确保年
      产出指标
度             质量指标   度市信访接待中心水、电、暖、网络、信访信息化、电梯及其他工       ≥98%；≥95%           10
绩                    作的正常有效运转,保障效率。
效
指                    网络维保响应时间；电梯维保响应时间；消防设施设备维护时间；     ≤2小时；≤1小时；
              时效指标                                                           10
标                    修缮工程按期完成率                           ≤1小时；100%
                    确保预算经费安排之内做好年度市信访接待中心正常有效运转；水
              社会效益指
                    、电、暖、网络、信访信息化、电梯及其他工作的正常有效运转，          ≥95%              20
                标
      效益指标          中心工作人员满意率
              可持续影响
                    项目经费保障可持续年限                             1年               10
                指标

              服务对象满
      满意度指标     意度  确保服务对象满意率                              ≥95%              10
                指标
`;

// --- 13. a grid line whose cells sit close together --------------------------------------------

test('a line naming an indicator level in a cell of its own is a grid line, even when its long name beside it reads as prose', () => {
  // Xi'an's PDF 表14 (接待中心人员信访岗位津贴): the 效益指标 row's cells one space apart, its name a sentence.
  const lines = readSourceText(
    Buffer.from('效益指标 社会效益指 保障驻厅工作人员在规定范围内享受岗位津贴，确保驻厅工作的正\n2026年，本部门将继续做好信访工作，保障群众合法权益，维护社会稳定。\n', 'utf8'),
    'x.txt',
  ).lines;
  assert.equal(endsGrid(lines[0]!, 0), false);
  // Prose after the grid still ends it.
  assert.equal(endsGrid(lines[1]!, 0), true);
});

// --- a wrapped goal's last, short line under an amount column (Beijing 预算表12, first page and pp. 39–40) ---

const GOAL_LAST_LINE = `                                                                 预算表12 项目支出绩效目标表
                                                                                                                          金额单位：万元

                                            其中：
      项目名称               项目总额                                    绩效目标         一级指标    二级指标       三级指标      绩效指标性质 本年绩效指标值 绩效度量单位
                                       财政资金          其他资金

                                                                                              微短剧、访谈播出及线
                                                                            产出指标     时效指标                  ≤     5       月
                                                                                              上推广时间

                                                                                              “绿书签行动”集中宣
                                                                            产出指标     时效指标                  ≤     9       月
                                                                                              传活动开展时间

                                                                            产出指标     数量指标     制作宣传微短剧      ≤     7       集
                                                            组织开展“扫黄打非”专项整治行 产出指标     质量指标     培训人员参与率      ＝     100     %
                                                            动，打击文化市场违法违规行为，确
11000022T000000445578-
                                                            保首都文化市场安全；组织开展网上 产出指标    质量指标     普法宣传全网阅读量    ≥     1000    万人次
“扫黄打非”基础工作经                98.000000     98.000000
                                                            网下文化市场检查巡查；开展“扫黄
费
                                                            打非”普法宣传活动，推动“扫黄打 产出指标    质量指标     挂牌督办案件回复率    ＝     100     %
                                                            非”进基层工作。
                                                                            效益指标     社会效益指标   扫黄打非活动覆盖范围   ＝     100     %

                                                                            效益指标     可持续影响指标 确保首都文化市场安全    定性    优

                                                                                     服务对象满意度 各相关单位对扫黄打非
                                                                            满意度指标                          ≥     90      %
                                                                                     指标      工作满意度

                                                                            产出指标     质量指标     评估合格率        ＝     100     %

                                                                            产出指标     质量指标     短视频制作合格率     ＝     100     %

                                                                                              运用大数据手段开展用
                                                                            产出指标     数量指标                  ＝     1       项
                                                                                              户知晓率调查
                                                                                              文明实践“星火”伙伴
                                                                            产出指标     数量指标     计划设计制作活动专题   ＝     1       项
                                                                                              网页
                                                                            产出指标     数量指标     年度成果发布盛典     ＝     1       场

                                                                                              文明实践“声”入人心
                                                                            产出指标     数量指标                  ＝     1       场
                                                                                              行动市级宣讲展示活动

                                                                                              我们的节日·文明实践
                                                            通过项目实施，实现文明实践理念常 产出指标    数量指标
                                                                                              在行动市级示范活动
                                                                                                           ＝     5       场
11000022T000000446773-
                          567.824500    567.824500          态化、持续化融入，全面推动文明实
新时代文明实践中心建设
                                                            践工作提质升级。         产出指标    数量指标     中央级媒体发布成果    ＝     1       篇

                                                                                              打造“文明实践 京韵新
                                                                            产出指标     数量指标                 ＝      2       部
                                                                                              风”精品节目
                                                                   效益指标     可持续影响指标 设备正常运转年限      ≥    1      年


                                                                                     保障电影审查工作的正
                                                                   效益指标     社会效益指标                ≥    95     %
                                                                                     常运转率

                                                                   成本指标     经济成本指标   放映设备清洁成本     ≤    6      万元

                                                                                     主要媒体及网络平台报
                                                                   效益指标     社会效益指标                ≥    20     次
                                                                                     道数

                                                                            服务对象满意度
                                                                    满意度指标           参展人员满意度       ≥    90     %
                                                   负责宣传展示我市版权保护和版权服         指标
11000023T000002076017-
                          75.500000    75.500000   务等方面的成果，提升展区项目和活
服贸会首都版权展区                                                           产出指标    时效指标     项目完成时间       ≤    12     月
                                                   动质量。

                                                                   产出指标     质量指标     活动安全保障率      ＝    100    %

                                                                   产出指标     数量指标     组织版权企业参展     ≥    15     家

                                                                   产出指标     数量指标     报刊种类         ＞    4      种

                                                   做好重大会议活动服务保障工作，通 产出指标    质量指标     赠报工作完成率      ≥    90     %
11000023T000002091118-
                          45.000000    45.000000   过市报刊发行局向与会代表赠阅报刊
报刊赠阅经费
                                                   。                产出指标    时效指标     项目完成时间       ≤    12     月

                                                                   效益指标     社会效益指标   报刊投递单位       ≥    1      家

                                                                   产出指标     时效指标     实施工作用时       ≤    3      月

                                                                   产出指标     质量指标     展区安全保障率      ＝    100    %

                                                                                     展区策划方案符合相关
                                                                   产出指标     质量指标                  ＝    100    %
                                                                                     完成质量要求合格率
                                                   开展深圳文博会北京展区策展和组织
11000023T000002091613-
                         860.180100   860.180100   工作，展示北京推进全国文化中心建 产出指标    数量指标     展区策划方案       ≥    1      个
深圳文博会北京展区
                                                   设和推动文化产业高质量发展成效。
                                                                            服务对象满意度 参展企业与现场观众满
                                                                    满意度指标                         ≥    85     %
                                                                            指标      意度

                                                                   效益指标     社会效益指标   展区覆盖人数       ≥    30     万人次

                                                                                     北京文化产业影响力提
                                                                   效益指标     社会效益指标                定性   高
                                                                                     升

                                                                   产出指标     数量指标     展览面积         ≥    300    平方米


                                                                   产出指标     数量指标     展出图书种类       ≥    1000   种


                                                                   产出指标     数量指标     参展企业数量       ≥    10     家
                                                                                        特装搭建按计划顺利完
                                                   搭建平台，拓展市属图书出版与国际 产出指标      质量指标                   定性   安全无事故
11000023T000002091688-                                                                  成
                                                   国内的交流合作，推动京版主题类精
组织参展北京国际图书博              178.802500   178.802500
                                                   品图书和中华文化类版权项目“走出 产出指标      时效指标      完成时限         ≤    12      月
览会
                                                   去”。
                                                                                        市属图书出版企业参与
                                                                      效益指标    社会效益指标                 ≥    90      %
                                                                                        率

                                                                                        积极组织各类版权洽谈
                                                                      效益指标    可持续影响指标                ≥    10      个
                                                                                        推介活动

                                                                              服务对象满意度
                                                                      满意度指标           参展企业满意度        ≥    90      %
                                                                              指标
`;

test('a wrapped goal’s last line, short enough to stand under 其他资金, is the goal’s: it starts where the goal’s lines start', () => {
  const fs = forms(readAll('beijing-cpc-publicity-dept-2026-budget', GOAL_LAST_LINE));
  const f = fs.find((x) => x.name === '组织参展北京国际图书博览会');
  assert.ok(f, fs.map((x) => x.name).join(' | '));
  assert.equal(f.annualGoal?.text, '搭建平台,拓展市属图书出版与国际国内的交流合作,推动京版主题类精品图书和中华文化类版权项目“走出去”。');
  assert.equal(f.amounts.fiscal?.fen, 178802500);
  assert.equal(f.amounts.other ?? null, null);
  // (So too a last line printing only the closing 。.)
  assert.equal(fs.find((x) => x.name === '报刊赠阅经费')?.annualGoal?.text, '做好重大会议活动服务保障工作,通过市报刊发行局向与会代表赠阅报刊。');
});

// --- a goal cell split by a page break, its closing 。 held twice by the text layer (Beijing 预算12表, pp. 1, 31–32) ---

const SPLIT_GOAL_STOP = `${FF}                                                          预算12表 项目支出绩效目标表
                                                                                                                              金额单位：万元

                                            其中：
     项目名称             项目总额                                 绩效目标       一级指标    二级指标       三级指标      绩效指标性质       本年绩效指标值       绩效度量单位
                                    财政资金          其他资金

                                                                                       评审报告内容依
                                                                                       据充分、合法合
                                                                     产出指标    质量指标                  ≥        98            %
                                                                                       规、结论严谨合
                                                                                       理准确率
                                                                                       评审报告出具质
                                                                     产出指标    质量指标                  ≥        98            %
                                                                                       量合格率
                                                                     产出指标    数量指标      评审项目数量      ≥        420           个
                                                                                       聘请专家评审人
                                                                     产出指标    数量指标                  ≥        100           人次
                                                                                       数
                                                         按时、保质完成
                                                         2026年各项评审   产出指标    时效指标      项目完成时间      ≤        12            月
                                                         工作任务，发挥
                                                                                       提高财政资金使
                                                         评审职能，节约
11000022T0000004557                                                                    用效益，节约财
                       839.000000    839.000000          财政资金，提高
94-评审工作经费                                                            效益指标    社会效益指标    政资金、规范项     定性       优
                                                         财政资金使用效
                                                                                       目预算申报、推
                                                         益，为财政支出
                                                                                       动支出标准建设
                                                         管理提供有效服
                                                         务。                            项目持续发挥作
${FF}                                                金管理等模块进
                                                行升级改造，进
11000024T0000028622
                                                一步提升系统的
94-预算管理一体化系
                                                处理能力与响应
统（对标财政部标准             168.000000   168.000000
                                                速度，满足相关
规范）本地化定制服
                                                处室的多元化需
务
                                                求。2.在升级改
                                                造过程中，注重
                                                强化预算管理的
                                                规范性、严肃     产出指标    数量指标      需求数量      ＝    94     项
                                                性，逐步建立起
                                                更加安全、规范                      项目投入人员数
                                                           产出指标    数量指标                ≥    10     人
                                                、高效的系统，                      量
                                                促进预算管理一                      系统研发人工单
                                                体化改革进一步    成本指标    经济成本指标              ≤    1.5    万元
                                                                             价
                                                深化。
                                                                   服务对象满意度
                                                           满意度指标             使用人员满意度   ≥    95     %
                                                                   指标
                                                                             监督检查结果和
                                                           效益指标    可持续影响指标   一体化核查结果   ≥    99     %
                                                                             得到应用率
                                                                             会计师事务所执
                                                           效益指标    社会效益指标              定性   优
                                                                             业质量水平提高
                                                                             专项检查服务和
                                                           产出指标    时效指标      一体化管理核查   ≤    7      天
                                                                             培训完成时间
                                                                             专项检查服务和
                                                          产出指标     时效指标      一体化管理核查   ≤    180    天
                                                强化后置审批工
                                                                             完成时间
                                                作事中事后监
                                                督，进一步完善                      专项检查服务和
                                                会计师事务所监 产出指标       时效指标      一体化管理核查   ≤    30     天
                                                督检查管理机                       报告完成时间
                                                制，按照行政检                      检查报告质量合
                                                查工作要求，依 产出指标       质量指标
                                                                             格率
                                                                                       ≥    80     %
                                                据相关法规对140
                                                                             一体化管理建议
                                                家会计师事务所 产出指标       质量指标
                                                                             质量采用率
                                                                                       ≥    90     %
11000024T0000029615
                                                进行一体化核查
48-会计师事务所专项           127.280000   127.280000                                非现场监管问题
                                                。对全市会计师 产出指标       质量指标                ≥    90     %
检查服务                                                                         处理率
                                                事务所和代理记
                                                账机构开展非现                      专项检查服务和
                                                场监管，推动北 产出指标       数量指标      一体化管理核查   ≥    140    家
                                                京市注册会计师                      的核查数量
                                                行业健康发展，                      非现场监管的会
                                                营造良好的执业    产出指标    数量指标      计师事务所及代   ≥    5000   家
                                                环境，建立公平                      理记账机构数量
                                                公正的行业秩序
                                                                             会计师事务所一
                                                。
                                                           产出指标    数量指标      体化管理指导数   ≥    5      家
                                                                             量
                                                                             会计师事务所专
                                                           产出指标    数量指标      项检查服务整改   ≥    5      家
                                                                             通知数量
                                                                             非现场监管项目
                                                           成本指标    经济成本指标              ≤    62     万元
                                                                             总成本
${FF}                                                。




                                                                            会计师事务所一
                                                           成本指标   经济成本指标    体化核查项目总   ≤    65.28   万元
                                                                            成本

                                                                            系统运维人员数
                                                           产出指标   数量指标                ≥    5       人
                                                                            量

                                                1.保障系统日常
                                                维护，包括日常 产出指标      数量指标      系统维护数量    ＝    5       套
                                                巡检、权限管理
                                                、客服电话、漏
                                                                            故障应急响应时
                                                洞修复、系统BUG 产出指标    时效指标                ≤    5       分钟
                                                                            间
                                                修复、故障处理
                                                等； 2.保障系统
                                                功能运维，包括 产出指标      时效指标      项目服务期限    ＝    1       年
                                                政府采购管理系
                                                统、社会保障资
                                                金信息管理系统 产出指标                系统故障解决时
                                                                  时效指标                ≤    2       小时
                                                、人员经费管理                     间
                                                系统、局内财务
                                                系统以及企业财 产出指标      质量指标      系统正常运行率   ≥    99      %
11000024Y0000029592
                                                务会计系统的报
12-人员经费管理系统
                      149.685000   149.685000   表维护、简单功
及相关系统运维服务
                                                能调整、数据维                     年度绩效考核通
项目                                                        产出指标    质量指标                ＝    100     %
                                                护等，延长系统                     过率
                                                使用寿命，提高
                                                工作效率； 3.配
                                                          产出指标    质量指标      系统故障率     ≤    1       %
                                                合完成年度各项
                                                重保工作； 4.配
                                                合完成年度各类           服务对象满意度
                                                          满意度指标             使用人员满意度   ≥    95      %
                                                网络故障排查、           指标
                                                其他相关系统测
                                                试； 5.配合完成
                                                年度各项安全检 效益指标      可持续影响指标   知识库覆盖率    ≥    80      %
                                                查工作； 6.通过
                                                年度绩效考核，
                                                完成项目年度总 效益指标      社会效益指标    业务管理水平    定性   优
                                                结。
`;

test('a stop alone atop a page, after its cell’s line that ends with it on the page before, is the split cell’s hidden overflow: no doubled 。', () => {
  const fs = forms(readAll('beijing-finance-bureau-2026-budget', SPLIT_GOAL_STOP));
  const f = fs.find((x) => x.name === '会计师事务所专项检查服务');
  assert.ok(f, fs.map((x) => x.name).join(' | '));
  assert.equal(
    f.annualGoal?.text,
    '强化后置审批工作事中事后监督,进一步完善会计师事务所监督检查管理机制,按照行政检查工作要求,依据相关法规对140家会计师事务所进行一体化核查。' +
      '对全市会计师事务所和代理记账机构开展非现场监管,推动北京市注册会计师行业健康发展,营造良好的执业环境,建立公平公正的行业秩序。',
  );
  // The next project's goal, all on the second page, keeps its own last stop.
  assert.match(fs.find((x) => x.name === '人员经费管理系统及相关系统运维服务项目')?.annualGoal?.text ?? '', /完成项目年度总结。$/);
});

/** xian-state-owned-assets-commission-2022-budget.txt lines 775–852: 表15's head and its indicators up to 生态效益指标. */
const ONE_LINE_ROWS = `${FF}${XIAN_SOE_T15_HEAD}                                                                   对9户直管企业
                     法规 、标准等工作 。

                     按照“应改尽改、能改快改”的原则，推进竞争类企业混改；推进
                                                    完成竞争类国企混改，实现竞争类国企混概
                     全民所有制企业公司制改制厂办大集体改革 ，全面完成市属国有“
              数量指标                                  率达到50% .
                     僵尸企业 ”处置工作及退休人员社会化管理工作
 年
 度                   完成财务预决算及统计 、国有资本收益收缴工作            全市国有企业及国有控股企业
 绩
 效                   公租房户数                                         在建2000户
       产出指标
 指
                     达到上年同期水平                                      做到真实全面
 标
                     加快剥离国有企业办社会职能和解决历史遗留问题 。加快构建“1+
                                                                   做到真实全面
                     1+ N ”的国有资本投资公司体系 ，加快混合所有制改革
              质量指标
                     进一步完善经营性国有资产监督管理体系 ，建立精准的信息化监管    真实全面建立覆盖所辖企业信息管理 、产权
                     模式                                登记管理 、信息化整合平台

                     严格管控工程建设施工过程质量                                  合格
${FF}    一级指标   二级指标                 指标内容                       指标值
                  按年度计划进度执行                            1- 12月执行率≥95%
                  全年完成混改、公司制改制进度                       1- 12月执行率≥98%
           时效指标
                  持续进行国资监管数据采集与融合                      1- 12月执行率≥95%
                  建设完成时间                                 2022年12约
    产出指标          市财政预算拨款，按进度进行                           1560.92
                  现要顺延基准月，需要提高基数。财政国企发展专项资金 、财政预
                                                           126.17
           成本指标   算资金
                  财政预算资金                                  10528.7
                  完成项目投资                                  20759.03
                  督导监管企业安全生产 、应急管理工作                    完善率95%以上
                  实现以管资产向管资本的转变 ，使国企形成协调运转、有效制衡的 落实国企改革三年行动方案 ，有序开展混
           经济效益   现代公司治理结构                       改，两类公司组建
年           指标
                  监管信息化水平稳步提高                            比同期上升5%
度
绩                 改善居住环境，提高投资效益                          在建2000户
效
指                 确保不发生重大安全事故 ，减少事故隐患                     0重大事故
标
                  以促进国企转换经营机制 ，放大国有资本功能，提高国有资本配置
                  和运行效率，实现各种所有制资本取长补短 、相互促进、共同发展
           社会效益                                          完成率≥95%
                  为目标；规范企业在股东大会、董事会、经理及监督会和党组织的
            指标
    效益指标          权责关系

                  国有资本经营预算支出项目评审                     支持全市国有企业运动发展
                  改善居住环境 ，提高投资效益                         完成率100%
                  达到上年同期水平                                同比减少

           生态效益   优化企业格局，产业结构，增强企业可持续发展力 ，做大做强企业        使企业稳中求进
            指标    节能减排 ，发展新型环保企业                      达到国家环保指标要求
                  提高电能源节约率                              51 .33万千瓦时
`;

test('lines printing their own name beside a target that would have fit on the target line above are rows of their own: a cell wraps only where its words do not fit', () => {
  const ts = readAll('xian-state-owned-assets-commission-2022-budget', ONE_LINE_ROWS).flatMap((r) => r.departmentTargets?.indicators ?? []);
  const pairs = ts.map((i) => `${i.name}=${i.raw}`);
  // Three rows of one line each, a blank line above and below them (ruled rows on the page).
  for (const p of ['国有资本经营预算支出项目评审=支持全市国有企业运动发展', '改善居住环境,提高投资效益=完成率100%', '达到上年同期水平=同比减少'])
    assert.ok(pairs.includes(p), `${p} in ${pairs.join(' | ')}`);
  // Targets that fill their line go on beside the name's wrapped part.
  for (const p of ['完成竞争类国企混改,实现竞争类国企混概率达到50%.', '落实国企改革三年行动方案,有序开展混改,两类公司组建'])
    assert.ok(
      ts.some((i) => i.raw === p),
      `${p} in ${pairs.join(' | ')}`,
    );
  assert.equal(ts.length, 28);
});
