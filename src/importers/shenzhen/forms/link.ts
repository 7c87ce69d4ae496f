/**
 * Which table-5 project each performance form belongs to. A form is usually a sub-project: table 5
 * lists 电子政务运行维护 2,994.28 while the forms are 应用系统运行维护, 网络和信息安全运行维护, … .
 */
import type { ProjectForm, Table } from '../../../domain/model.js';
import { squash } from '../../../domain/text.js';
import type { ImportContext } from '../context.js';
import type { NarrativeResult } from '../narrative.js';

interface Project {
  name: string;
  total: number | null;
  /** Narrative text and items of the same project, used to break ties and as a last resort. */
  mentions: string[];
  itemAmounts: number[];
}


/** Every subset of `forms` summing exactly to `target`, up to `cap` solutions (DFS with pruning). */
export function subsetsSummingTo(values: readonly number[], target: number, cap = 64): number[][] {
  const order = values.map((v, i) => i).sort((a, b) => values[b]! - values[a]!);
  const suffix: number[] = new Array<number>(order.length + 1).fill(0);
  for (let k = order.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + values[order[k]!]!;
  const out: number[][] = [];
  const pick: number[] = [];
  let budget = 2_000_000;
  const dfs = (k: number, rest: number): void => {
    if (out.length >= cap || --budget < 0) return;
    if (rest === 0 && pick.length > 0) {
      out.push([...pick].sort((a, b) => a - b));
      return;
    }
    if (k >= order.length || rest < 0 || suffix[k]! < rest) return;
    const i = order[k]!;
    pick.push(i);
    dfs(k + 1, rest - values[i]!);
    pick.pop();
    dfs(k + 1, rest);
  };
  if (target > 0) dfs(0, target);
  return out;
}

function corroboration(p: Project, form: ProjectForm): number {
  const name = squash(form.name);
  const total = form.amounts.total?.fen;
  if (p.mentions.some((m) => m.includes(name))) return 1;
  if (total !== undefined && p.itemAmounts.includes(total)) return 1;
  return 0;
}

/**
 * Sets each form's `parentProject` to the name of its table-5 project ('project-expenditure' item
 * rows; the narrative project list when there is no table 5):
 * 1. a form named like a project belongs to it;
 * 2. otherwise the unlinked forms whose totals sum exactly to a project's total (the unique subset,
 *    or the unique one best corroborated by the narrative's items for that project);
 * 3. otherwise the one project whose narrative description names the form (info note: the forms do
 *    not cover the project's amount).
 * Forms still unlinked get a warning note.
 */
export function linkFormsToProjects(forms: ProjectForm[], tables: readonly Table[], narrative: NarrativeResult, ctx: ImportContext): void {
  const narr = narrative.narrative.projects;
  const narrOf = (name: string) => narr.find((n) => squash(n.name) === squash(name));
  const t5 = tables.find((t) => t.role === 'project-expenditure');
  const base: Array<{ name: string; total: number | null }> = t5
    ? t5.rows.filter((r) => r.kind === 'item').map((r) => ({ name: r.label, total: r.amounts['total']?.fen ?? null }))
    : narr.map((n) => ({ name: n.name, total: n.amount.fen }));
  const projects: Project[] = base.map((b) => {
    const n = narrOf(b.name);
    return {
      ...b,
      mentions: n ? [squash(n.description), ...n.items.map((it) => squash(it.label))] : [],
      itemAmounts: n ? n.items.flatMap((it) => (it.money ? [it.money.fen] : [])) : [],
    };
  });

  const linked = new Set<ProjectForm>();
  const claimed = new Set<Project>();
  for (const f of forms) {
    const p = projects.find((q) => squash(q.name) === squash(f.name));
    if (p) {
      f.parentProject = p.name;
      linked.add(f);
      claimed.add(p);
    }
  }

  for (let progress = true; progress; ) {
    progress = false;
    for (const p of projects) {
      if (claimed.has(p) || p.total === null) continue;
      const free = forms.filter((f) => !linked.has(f) && f.amounts.total !== null);
      const solutions = subsetsSummingTo(free.map((f) => f.amounts.total!.fen), p.total);
      let chosen: number[] | null = solutions.length === 1 ? solutions[0]! : null;
      if (solutions.length > 1) {
        const scored = solutions.map((s) => ({ s, score: s.reduce((acc, i) => acc + corroboration(p, free[i]!), 0) }));
        const best = Math.max(...scored.map((x) => x.score));
        const top = scored.filter((x) => x.score === best);
        if (best > 0 && top.length === 1) chosen = top[0]!.s;
      }
      if (!chosen) continue;
      for (const i of chosen) {
        free[i]!.parentProject = p.name;
        linked.add(free[i]!);
      }
      claimed.add(p);
      progress = true;
    }
  }

  for (const f of forms) {
    if (linked.has(f)) continue;
    const name = squash(f.name);
    const named = projects.filter((p) => p.mentions.some((m) => m.includes(name)));
    if (named.length === 1) {
      f.parentProject = named[0]!.name;
      linked.add(f);
      ctx.notes.push({
        severity: 'info',
        message: `项目绩效目标申报表"${f.name}" linked to project "${named[0]!.name}" because the narrative names it; its forms do not sum to the project's amount`,
        src: f.src,
      });
      continue;
    }
    ctx.notes.push({ severity: 'warning', message: `项目绩效目标申报表"${f.name}" could not be linked to a project of table 5`, src: f.src });
  }
}
