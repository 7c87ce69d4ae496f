import type { BudgetDocument, ProjectForm } from '../../domain/model.js';
import type { Rule } from '../types.js';
import { isShenzhenOutline } from '../../domain/catalogue/index.js';
import { formAmount, formLocation, lineRef, NO_FIGURES } from '../_lib/content.js';
import { formBlock, formTableId, printedCells, printsLabel } from '../_lib/form-block.js';

type Field = '项目属性' | '项目主管部门' | '本年预算金额' | '项目年度目标' | '测算明细' | '资金支出进度';

/** Whether a form fills in a field. */
const FILLS: Record<Field, (f: ProjectForm) => boolean> = {
  项目属性: (f) => !!f.attribute?.text.trim(),
  项目主管部门: (f) => !!f.competentDepartment?.text.trim(),
  本年预算金额: (f) => formAmount(f) !== null,
  项目年度目标: (f) => !!f.annualGoal?.text.trim(),
  测算明细: (f) => f.costLines.length > 0,
  资金支出进度: (f) => f.disbursement.length > 0,
};

/**
 * The labels under which templates print the fields every reader reads (the 主管部门, the amount, the
 * annual goal), matched at the start of a printed piece of the form's block.
 */
const LABELS: Partial<Record<Field, RegExp>> = {
  项目主管部门: /^(项目|资金|市级|预算)?主管部门/,
  本年预算金额: /^(项目总额|资金总额|实施期资金总额|年度资金总额|年度预算资金|年度预算|当年预算|本年预算|预算金额|项目金额|年度金额|当年财政拨款)/,
  项目年度目标: /^(年度|当年|年度总体|年度整体)(绩效)?(总)?目标|^总体目标|^绩效目标$/,
};

/** Sections of the Shenzhen 申报表 that only a reader of that template reads (no label evidence for them). */
const TEMPLATE_SECTIONS: readonly Field[] = ['项目属性', '测算明细', '资金支出进度'];

const ORDER: readonly Field[] = ['项目属性', '项目主管部门', '本年预算金额', '项目年度目标', '测算明细', '资金支出进度'];

/** True when the document's forms are the Shenzhen 预算项目支出绩效目标申报表, which prints every field. */
function shenzhenTemplate(doc: BudgetDocument): boolean {
  if (doc.profile === 'shenzhen-dept-budget') return true;
  return (doc.profile === 'fiscus-xlsx' || doc.profile === 'authored') && isShenzhenOutline(doc.narrative.parts.map((p) => p.title));
}

/**
 * A project form fills in what its template prints. Every form has a name. The Shenzhen 申报表 prints
 * all of 项目属性, 项目主管部门, amount, 项目年度目标, 测算明细 and 资金支出进度. Other templates print
 * their own selection; a field is required there only where the document shows that the form's
 * template prints it:
 * - 主管部门, the amount and the annual goal when the form's printed block heads a field or column with
 *   their label, or another form read from the same block fills them in;
 * - 项目属性, 测算明细 and 资金支出进度 when another form of the document fills them in (only a reader of a
 *   template that prints them reads them).
 * Never because the Shenzhen template prints a field.
 */
export const rule: Rule = {
  id: 'BUD-080',
  title: 'A project form has its required fields',
  titleZh: '项目绩效目标申报表必填项齐全',
  severity: 'warning',
  category: 'project-form',
  reads: ['projectForms'],
  basis: '预算项目支出绩效目标申报表 模板必填项（项目名称、属性、主管部门、金额、年度目标、测算明细、资金支出进度），以表样实际印出的栏目为准',
  check(doc, ctx) {
    const shenzhen = shenzhenTemplate(doc);
    const cellsOf = new Map<string, string[]>();
    const cells = (f: ProjectForm) => {
      const id = formTableId(f) ?? '';
      if (!cellsOf.has(id)) cellsOf.set(id, printedCells(formBlock(doc, f)));
      return cellsOf.get(id)!;
    };
    // Per field, whether some form fills it in and the blocks of the forms that do: asked of each form that
    // leaves the field empty, so "another form" is any form (once per field, not once per form and field).
    const fillers = new Map<Field, { any: boolean; blocks: Set<string> }>();
    const fillersOf = (field: Field) => {
      let x = fillers.get(field);
      if (!x) {
        const fs = doc.projectForms.filter(FILLS[field]);
        x = { any: fs.length > 0, blocks: new Set(fs.map(formTableId).filter((b) => b !== null)) };
        fillers.set(field, x);
      }
      return x;
    };
    const labelled = new Map<string, boolean>();
    /** Whether `f`, which leaves `field` empty, should fill it in. */
    const required = (f: ProjectForm, field: Field): boolean => {
      if (shenzhen) return true;
      if (TEMPLATE_SECTIONS.includes(field)) return fillersOf(field).any;
      const block = formTableId(f);
      if (block !== null && fillersOf(field).blocks.has(block)) return true;
      const label = LABELS[field];
      if (label === undefined) return false;
      // The forms of one block print the same pieces: each block is searched for a label once.
      const key = `${block ?? ''}\u0000${field}`;
      let prints = labelled.get(key);
      if (prints === undefined) labelled.set(key, (prints = printsLabel(cells(f), label)));
      return prints;
    };
    for (const f of doc.projectForms) {
      const missing: string[] = [];
      if (!f.name.trim()) missing.push('项目名称');
      for (const field of ORDER) if (!FILLS[field](f) && required(f, field)) missing.push(field);
      if (missing.length === 0) continue;
      ctx.report({
        message: `项目「${f.name || f.id}」绩效目标申报表缺少${missing.join('、')}${lineRef(f.src)}`,
        location: formLocation(f, missing[0] ?? null),
        ...NO_FIGURES,
      });
    }
  },
};
