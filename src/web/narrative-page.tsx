/**
 * The narrative page: the document's parts with their headings as printed (the Shenzhen outline's
 * "第一部分 …"), sections and paragraphs, each source line an anchor (`#line-62`).
 */
import type { Child } from 'hono/jsx';
import type { BudgetDetail } from '../app/workspace.js';
import type { BudgetDocument } from '../domain/model.js';
import { severityLabel } from '../domain/catalogue/index.js';
import { findingHref, findingTable, type Finding, type HrefContext } from './figures.js';
import { Layout, type VersionView } from './layout.js';
import { lineAnchor, narrativeView, type LineSegment } from './narrative.js';
import { navInfo } from './pages.js';
import { SectionEditor, type DocEditState } from './document-edit.js';

function factTitle(s: LineSegment): string | undefined {
  if (s.facts.length === 0) return undefined;
  return s.facts.map((f) => f.label).join('、');
}

/**
 * The narrative's table of contents and text, each source line anchored; `marks(line)` is what
 * follows a line (the working page's findings flags; the public portal shows none). Part headings
 * are h2.
 */
export function NarrativeBody(props: { doc: BudgetDocument; marks?: (line: number | null) => Child; sectionTools?: (part: number, section: number) => Child }) {
  const nv = narrativeView(props.doc);
  const marks = props.marks ?? (() => null);
  const headingId = (line: number | null) => (line !== null && !nv.textLines.has(line) ? lineAnchor(line) : undefined);
  return (
    <>
      {nv.parts.length === 0 ? <p>本文档没有文字说明。</p> : null}
      <nav aria-label="说明目录">
        <ol class="toc">
          {nv.parts
            .filter((p) => p.heading)
            .map((p) => (
              <li>
                <a href={`#part-${p.no}`}>{p.heading}</a>
              </li>
            ))}
        </ol>
      </nav>
      <article class="narrative">
        {nv.parts.map((p, pi) => (
          <section id={`part-${p.no}`} aria-labelledby={p.heading ? `part-${p.no}-h` : undefined}>
            {p.heading ? (
              <h2 id={`part-${p.no}-h`}>
                <span id={headingId(p.line)}>{p.heading}</span>
                {marks(p.line)}
              </h2>
            ) : null}
            {p.sections.map((s, si) => (
              <>
                {s.heading ? (
                  <h3>
                    <span id={headingId(s.line)}>{s.heading}</span>
                  </h3>
                ) : null}
                {s.paragraphs.map((para) => (
                  <p>
                    {para.segments.map((seg) => (
                      <>
                        <span class="line" id={seg.line !== null ? lineAnchor(seg.line) : undefined} data-line={seg.line ?? undefined} title={factTitle(seg)}>
                          {seg.text}
                        </span>
                        {marks(seg.line)}
                      </>
                    ))}
                  </p>
                ))}
                {props.sectionTools?.(pi, si)}
              </>
            ))}
          </section>
        ))}
      </article>
    </>
  );
}

export function NarrativePage(props: {
  budget: BudgetDetail;
  doc: BudgetDocument;
  findings: Finding[];
  view?: VersionView | undefined;
  ctx: HrefContext;
  version: number;
  edit?: DocEditState | undefined;
}) {
  const { budget, doc } = props;
  // Findings by the anchored line they link to, shown as a mark after that line.
  const byLine = new Map<number, Finding[]>();
  for (const f of props.findings) {
    if (f.location.form || findingTable(f.location, doc) !== null || (f.location.line == null && f.location.fact == null)) continue;
    const href = findingHref(budget.id, f, props.ctx);
    const m = href ? /#line-(\d+)$/.exec(href) : null;
    if (!m) continue;
    const l = Number(m[1]);
    byLine.set(l, [...(byLine.get(l) ?? []), f]);
  }
  const marks = (line: number | null) => {
    const fs = line === null ? undefined : byLine.get(line);
    if (!fs) return null;
    return fs.map((f) => (
      <a class={`flag sev-text-${f.severity}`} href={`/budgets/${budget.id}/findings${props.view ? `?v=${props.view.v}` : ''}`} title={f.message}>
        ⚠
        <span class="visually-hidden">
          {severityLabel(f.severity)} {f.rule}：{f.message}
        </span>
      </a>
    ));
  };
  return (
    <Layout title={`文字说明 · ${budget.unitName}`} budget={navInfo(budget)} tab="narrative" view={props.view}>
      <h1>
        {budget.unitName} {budget.year}年{budget.kind}说明
      </h1>
      <div id="narrative-main">
        <p class="sub">
          第 {props.version} 版 · 每行可链接（#line-行号），审核发现中的“查看位置”指向所在行。{props.view ? '' : '每节下可“编辑本节”，保存后重新读取其中的数字并重新审核。'}
        </p>
        <NarrativeBody
          doc={doc}
          marks={marks}
          sectionTools={
            props.view ? undefined : (part, section) => <SectionEditor budgetId={budget.id} version={props.version} doc={doc} part={part} section={section} state={props.edit} ctx={props.ctx} />
          }
        />
      </div>
    </Layout>
  );
}
