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

/**
 * Every subset of `values` summing exactly to `target`, up to `cap` solutions (depth-first with
 * pruning, at most `budget.steps` steps, which it counts down; a solution found costs a step an
 * element). The search is a loop over an explicit
 * stack, not recursion: its depth is the number of values, and thousands of forms would overflow the
 * call stack.
 */
export function subsetsSummingTo(values: readonly number[], target: number, cap = 64, budget = { steps: 2_000_000 }): number[][] {
  const n = values.length;
  const order = values.map((v, i) => i).sort((a, b) => values[b]! - values[a]!);
  const suffix = new Float64Array(n + 1);
  for (let k = n - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + values[order[k]!]!;
  const out: number[][] = [];
  if (!(target > 0)) return out;
  const pick: number[] = [];
  // Frame k (the depth is the index into `order`): the amount still to reach, and how far the frame
  // got — 0 entering, 1 after trying with order[k], 2 after trying without it.
  const rest = new Float64Array(n + 2);
  const phase = new Uint8Array(n + 2);
  rest[0] = target;
  for (let k = 0; k >= 0;) {
    if (phase[k] === 0) {
      if (out.length >= cap || --budget.steps < 0) break;
      const r = rest[k]!;
      if (r === 0 && pick.length > 0) {
        out.push(Array.from(Int32Array.from(pick).sort()));
        budget.steps -= pick.length;
        k--;
        continue;
      }
      if (k >= n || r < 0 || suffix[k]! < r) {
        k--;
        continue;
      }
      const i = order[k]!;
      pick.push(i);
      phase[k] = 1;
      rest[k + 1] = r - values[i]!;
      phase[k + 1] = 0;
      k++;
    } else if (phase[k] === 1) {
      pick.pop();
      phase[k] = 2;
      rest[k + 1] = rest[k]!;
      phase[k + 1] = 0;
      k++;
    } else k--;
  }
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
  // Names compared squashed, looked up once each (a document may have thousands of both).
  const narrByName = new Map<string, (typeof narr)[number]>();
  for (const n of narr) if (!narrByName.has(squash(n.name))) narrByName.set(squash(n.name), n);
  const narrOf = (name: string) => narrByName.get(squash(name));
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
  const projectByName = new Map<string, Project>();
  for (const q of projects) if (!projectByName.has(squash(q.name))) projectByName.set(squash(q.name), q);
  for (const f of forms) {
    const p = projectByName.get(squash(f.name));
    if (p) {
      f.parentProject = p.name;
      linked.add(f);
      claimed.add(p);
    }
  }

  // Each search may take 2 million steps, and all of them together 10 million (listing the free
  // forms counts one step a form): a document with thousands of projects and forms must not search
  // for hours.
  const budget = { steps: 10_000_000 };
  for (let progress = true; progress && budget.steps > 0;) {
    progress = false;
    for (const p of projects) {
      if (budget.steps <= 0) break;
      if (claimed.has(p) || p.total === null) continue;
      const free = forms.filter((f) => !linked.has(f) && f.amounts.total !== null);
      const search = { steps: Math.min(2_000_000, budget.steps) };
      const before = search.steps;
      const solutions = subsetsSummingTo(
        free.map((f) => f.amounts.total!.fen),
        p.total,
        64,
        search,
      );
      budget.steps -= before - Math.max(0, search.steps) + free.length;
      let chosen: number[] | null = solutions.length === 1 ? solutions[0]! : null;
      if (solutions.length > 1) {
        const of = new Map<number, number>();
        const score = (i: number) => of.get(i) ?? of.set(i, corroboration(p, free[i]!)).get(i)!;
        const scored = solutions.map((s) => ({ s, score: s.reduce((acc, i) => acc + score(i), 0) }));
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
