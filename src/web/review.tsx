/**
 * 批量审核 in the web app (issue 15 item 1): a 财政审核 uploads many disclosures at once (or a ZIP),
 * watches the checks progress (server-sent events; without script the page refreshes itself), and
 * reviews the table of every document: unit, year, kind, coverage, errors, warnings and status,
 * filtered, sorted and searched on the server; each row opens that document's findings with its
 * coverage and original file; the table and all findings download as XLSX and CSV. The batches are
 * those of `POST /api/v1/audits` (app/batch-audit.ts): one engine, the database's rows as the truth.
 *
 * A document opens as a review page of the batch, not as a budget of the workspace: a budget there is
 * a unit's own record in the approval workflow (imported by its 经办, versioned, 审批, published), and
 * a reviewer checking a pile of disclosures is not filing them; storing each would give every unit a
 * draft nobody prepared, and a later upload of the same unit a version history that is not its own.
 * When the workspace does hold a budget of the same unit, year and kind, the page links to it.
 */
import type { Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { auditActor } from '../app/audit-log.js';
import { batchAuditStatus, type BatchAuditStatus } from '../app/batch-audit.js';
import {
  DEFAULT_DIR,
  describeQuery,
  parseReviewQuery,
  recentBatchAudits,
  REVIEW_STATUS_LABELS,
  reviewDocument,
  reviewFindingsCsv,
  reviewSource,
  reviewTable,
  reviewTableCsv,
  reviewXlsx,
  submitReview,
  type ReviewLinks,
  type ReviewQuery,
  type ReviewRow,
  type ReviewSort,
  type ReviewTable,
  type AuditEntry,
  type AuditedDocument,
} from '../app/batch-review.js';
import { HTTP_STATUS, RETRY_AFTER_S } from '../app/http-status.js';
import { bytesText, limitOf, limitSentence, type Limits } from '../app/limits.js';
import { AUDIT_EXTENSIONS } from '../app/audit.js';
import { formatRecall } from '../app/validate.js';
import { workflowOf } from '../app/workflow.js';
import type { Workspace } from '../app/workspace.js';
import { categoryLabel, SEVERITY_LABELS, severityLabel } from '../domain/catalogue/index.js';
import { FiscusError } from '../domain/errors.js';
import { formatAmount, type DisplayUnit } from '../domain/money.js';
import { ERROR_TITLES } from './error-page.js';
import { Layout } from './layout.js';
import { dateTime, ErrorBox } from './pages.js';
import { userOf } from './user.js';

const STATE_LABELS: Record<BatchAuditStatus['state'], string> = { queued: '排队中', running: '检查中', done: '已完成' };
const FAIL_ON_LABELS: Record<BatchAuditStatus['failOn'], string> = { error: '有错误即未通过', warning: '有错误或警告即未通过', never: '只列出发现，不判定' };

/** A query string of the table's query with `over` applied (empty values dropped). */
function queryString(q: ReviewQuery, over: Partial<Record<string, string>> = {}): string {
  const p: Record<string, string> = {
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.year ? { year: String(q.year) } : {}),
    ...(q.hasErrors ? { errors: '1' } : {}),
    ...(q.q ? { q: q.q } : {}),
    ...(q.sort !== 'file' ? { sort: q.sort } : {}),
    ...(q.sort !== 'file' && q.dir !== DEFAULT_DIR[q.sort] ? { dir: q.dir } : q.sort === 'file' && q.dir === 'desc' ? { dir: 'desc' } : {}),
  };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined || v === '') delete p[k];
    else p[k] = v;
  }
  const s = new URLSearchParams(p).toString();
  return s ? `?${s}` : '';
}

function Progress(props: { s: BatchAuditStatus }) {
  const { s } = props;
  return (
    <section class="review-progress" aria-labelledby="progress-h" data-review-events={s.state === 'done' ? undefined : `/reviews/${s.id}/events`}>
      <h2 id="progress-h" class="visually-hidden">
        进度
      </h2>
      <progress id="review-progress" max={s.total} value={s.done} aria-label="已检查的文件">
        {s.done}/{s.total}
      </progress>{' '}
      <span id="review-count" role="status" aria-live="polite">
        已检查 <strong class="n">{s.done}</strong>/<span class="n">{s.total}</span> 份 · <span id="review-state">{STATE_LABELS[s.state]}</span>
      </span>
      {s.state === 'done' ? null : (
        <p class="muted small" id="review-hint">
          检查在服务器上进行，可离开本页，稍后回来查看。未启用脚本时本页每 3 秒刷新一次。
        </p>
      )}
    </section>
  );
}

function SortLink(props: { t: ReviewTable; sort: ReviewSort; children: string; base: string }) {
  const q = props.t.query;
  const active = q.sort === props.sort;
  const dir = active ? (q.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIR[props.sort];
  const arrow = active ? (q.dir === 'asc' ? ' ▲' : ' ▼') : '';
  return (
    <a
      href={`${props.base}${queryString(q, { sort: props.sort === 'file' && dir === 'asc' ? '' : props.sort, dir: dir === DEFAULT_DIR[props.sort] ? '' : dir })}`}
      class="sort"
      title={`按${props.children}排序`}
    >
      {props.children}
      {arrow}
    </a>
  );
}

const ariaSort = (t: ReviewTable, s: ReviewSort) => (t.query.sort === s ? (t.query.dir === 'asc' ? 'ascending' : 'descending') : undefined);

function StatusCell(props: { r: ReviewRow }) {
  const { r } = props;
  return <span class={`status status-${r.status}`}>{REVIEW_STATUS_LABELS[r.status]}</span>;
}

function Filters(props: { t: ReviewTable; base: string }) {
  const { t } = props;
  const q = t.query;
  return (
    <form class="filters" method="get" action={props.base} role="search" aria-label="筛选与搜索">
      <label>
        类型{' '}
        <select name="kind">
          <option value="">全部</option>
          {t.kinds.map((k) => (
            <option value={k} selected={q.kind === k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label>
        年度{' '}
        <select name="year">
          <option value="">全部</option>
          {t.years.map((y) => (
            <option value={String(y)} selected={q.year === y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" name="errors" value="1" checked={q.hasErrors === true} /> 仅有错误的文件
      </label>
      <label>
        单位名称 <input type="search" name="q" value={q.q ?? ''} maxlength={100} placeholder="输入单位名称的一部分" />
      </label>
      {q.sort !== 'file' ? <input type="hidden" name="sort" value={q.sort} /> : null}
      {q.sort !== 'file' && q.dir !== DEFAULT_DIR[q.sort] ? <input type="hidden" name="dir" value={q.dir} /> : null}
      <button type="submit">筛选</button> <a href={props.base}>清除</a>
    </form>
  );
}

function ReviewTableView(props: { t: ReviewTable }) {
  const { t } = props;
  const base = `/reviews/${t.status.id}`;
  return (
    <table class="data review" id="review-table">
      <caption>
        显示 {t.rows.length}/{t.all.length} 份文件 · {describeQuery(t.query)}
      </caption>
      <thead>
        <tr>
          <th aria-sort={ariaSort(t, 'file')}>
            <SortLink t={t} sort="file" base={base}>
              序号
            </SortLink>
          </th>
          <th>文件</th>
          <th aria-sort={ariaSort(t, 'unit')}>
            <SortLink t={t} sort="unit" base={base}>
              单位
            </SortLink>
          </th>
          <th>年度</th>
          <th>类型</th>
          <th class="num" aria-sort={ariaSort(t, 'recall')}>
            <SortLink t={t} sort="recall" base={base}>
              金额召回率
            </SortLink>
          </th>
          <th class="num">识别表格</th>
          <th class="num" aria-sort={ariaSort(t, 'errors')}>
            <SortLink t={t} sort="errors" base={base}>
              错误
            </SortLink>
          </th>
          <th class="num" aria-sort={ariaSort(t, 'warnings')}>
            <SortLink t={t} sort="warnings" base={base}>
              警告
            </SortLink>
          </th>
          <th>状态</th>
        </tr>
      </thead>
      <tbody>
        {t.rows.length === 0 ? (
          <tr>
            <td colspan={10} class="muted">
              没有符合条件的文件。
            </td>
          </tr>
        ) : (
          t.rows.map((r) => (
            <tr class={`row-${r.status}`} data-idx={String(r.idx)}>
              <td class="num">{r.idx + 1}</td>
              <td class="file">
                <a href={`${base}/documents/${r.idx}`}>{r.file}</a>
              </td>
              <td>{r.unit ?? (r.problem ? <span class="muted">{r.problem.code}</span> : <span class="muted">—</span>)}</td>
              <td class="num">{r.year ?? ''}</td>
              <td>{r.kind ?? ''}</td>
              <td class="num">{r.recall === null ? <span class="muted">{r.status === 'pending' || r.status === 'unreadable' ? '' : '不适用'}</span> : formatRecall(r.recall)}</td>
              <td class="num">
                {r.tables ?? ''}
                {r.missingTables ? (
                  <span class="muted small" title="缺少的标准表格">
                    （缺 {r.missingTables}）
                  </span>
                ) : null}
              </td>
              <td class={`num${r.error ? ' count-error' : ''}`}>{r.error ?? ''}</td>
              <td class={`num${r.warning ? ' count-warning' : ''}`}>{r.warning ?? ''}</td>
              <td>
                <StatusCell r={r} />
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function Exports(props: { t: ReviewTable }) {
  const { t } = props;
  const base = `/reviews/${t.status.id}`;
  const qs = queryString(t.query);
  if (t.status.state !== 'done') return <p class="muted">全部文件检查完毕后可下载审核总表与审核发现。</p>;
  return (
    <ul class="exports">
      <li>
        <a href={`${base}/export.xlsx${qs}`} download>
          XLSX（审核总表与全部审核发现，两个工作表）
        </a>
      </li>
      <li>
        <a href={`${base}/table.csv${qs}`} download>
          CSV：审核总表（每份文件一行）
        </a>
      </li>
      <li>
        <a href={`${base}/findings.csv${qs}`} download>
          CSV：审核发现（每条发现一行，与 fiscus audit 的 CSV 相同）
        </a>
      </li>
    </ul>
  );
}

/** The desk: the upload form and the recent batches. */
export function ReviewDeskPage(props: { batches: BatchAuditStatus[]; limits: Limits; error?: { title: string; detail: string } | undefined }) {
  return (
    <Layout title="批量审核">
      <h1>批量审核</h1>
      <p class="sub">一次上传多份部门预算、单位预算或决算公开文件，逐份导入并校验，得到审核总表。</p>
      {props.error ? <ErrorBox {...props.error} /> : null}
      <form class="upload" method="post" action="/reviews" enctype="multipart/form-data">
        <h2>上传文件</h2>
        <p class="muted">
          PDF、文本（.txt）、XLSX 或 fiscus JSON，可一次多选；也可上传一个 ZIP 压缩包（其中的 {AUDIT_EXTENSIONS.join('、')} 文件逐份审核）。合计不超过 {bytesText(props.limits.body.batch)}
          ，单个文件不超过 {bytesText(props.limits.body.import)}。
        </p>
        <p>
          <label for="review-files">选择文件</label>{' '}
          <input id="review-files" name="files" type="file" multiple required accept=".pdf,.txt,.xlsx,.json,.zip,application/pdf,text/plain,application/zip" />
        </p>
        <p>
          <label for="review-fail-on">判定标准</label>{' '}
          <select id="review-fail-on" name="failOn">
            {(['error', 'warning', 'never'] as const).map((f) => (
              <option value={f}>{FAIL_ON_LABELS[f]}</option>
            ))}
          </select>
        </p>
        <button type="submit">上传并审核</button>
      </form>
      <h2>最近的批次</h2>
      {props.batches.length === 0 ? (
        <p class="muted">还没有批量审核。</p>
      ) : (
        <table class="data" id="review-batches">
          <thead>
            <tr>
              <th>批次</th>
              <th>提交人</th>
              <th>提交时间</th>
              <th class="num">进度</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {props.batches.map((b) => (
              <tr>
                <td>
                  <a href={`/reviews/${b.id}`}>第 {b.id} 批</a>
                </td>
                <td>{b.createdBy ?? ''}</td>
                <td class="nowrap">{dateTime(b.createdAt)}</td>
                <td class="num">
                  {b.done}/{b.total}
                </td>
                <td>{STATE_LABELS[b.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** One batch: progress, the filters, the review table and the downloads. */
export function ReviewBatchPage(props: { t: ReviewTable; skipped?: { count: number; names: string[] } | undefined }) {
  const { t } = props;
  const s = t.status;
  const c = t.counts;
  return (
    <Layout title={`批量审核第 ${s.id} 批`} noscriptHead={s.state === 'done' ? undefined : <meta http-equiv="refresh" content="3" />}>
      <p class="sub">
        <a href="/reviews">批量审核</a> › 第 {s.id} 批
      </p>
      <h1>批量审核第 {s.id} 批</h1>
      <p class="sub">
        {s.createdBy ?? ''} 提交于 {dateTime(s.createdAt)} · {s.total} 份文件 · 判定标准：{FAIL_ON_LABELS[s.failOn]}
        {s.finishedAt ? ` · 完成于 ${dateTime(s.finishedAt)}` : ''}
      </p>
      {props.skipped && props.skipped.count > 0 ? (
        <div class="notice-warn" role="note" id="review-skipped">
          上传内容中有 {props.skipped.count} 个文件未列入本批（不是可审核的文件类型、隐藏文件、空文件或压缩包内的压缩包）
          {props.skipped.names.length ? `：${props.skipped.names.join('、')}${props.skipped.count > props.skipped.names.length ? ' 等' : ''}` : ''}。
        </div>
      ) : null}
      <Progress s={s} />
      <p class="summary" id="review-summary">
        未通过 <strong class={c.failing ? 'count-error' : ''}>{c.failing}</strong> 份 · 通过（有警告） <strong>{c.warnings}</strong> 份 · 通过 <strong>{c.passed}</strong> 份 · 无法读取{' '}
        <strong class={c.unreadable ? 'count-error' : ''}>{c.unreadable}</strong> 份{c.pending ? ` · 待检查 ${c.pending} 份` : ''}
      </p>
      <Filters t={t} base={`/reviews/${s.id}`} />
      <ReviewTableView t={t} />
      <h2>下载</h2>
      <Exports t={t} />
    </Layout>
  );
}

function Fact(props: { label: string; children?: unknown }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

const FORMAT_LABELS: Record<string, string> = { pdf: 'PDF', text: '文本', xlsx: 'XLSX 电子表格', json: 'fiscus JSON', authored: '在线编制' };

const amount = (fen: number | null, d: AuditedDocument) => (fen === null ? '—' : `${formatAmount(fen, d.displayUnit as DisplayUnit)} ${d.displayUnit}`);

/** One document of a batch: its facts, coverage and findings, and its original file. */
export function ReviewDocumentPage(props: { s: BatchAuditStatus; row: ReviewRow; entry: AuditEntry | null; budgetHref: string | null }) {
  const { s, row, entry } = props;
  const base = `/reviews/${s.id}`;
  const source = `${base}/documents/${row.idx}/source`;
  const title = row.unit ? `${row.unit} ${row.year ?? ''}年${row.kind ?? ''}` : row.file;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const findings = entry?.readable ? [...entry.findings].sort((a, b) => order[a.severity] - order[b.severity]) : [];
  return (
    <Layout title={`${title}（批量审核第 ${s.id} 批）`}>
      <p class="sub">
        <a href="/reviews">批量审核</a> › <a href={base}>第 {s.id} 批</a> › 第 {row.idx + 1} 份
      </p>
      <h1>{title}</h1>
      <p class="sub">
        <StatusCell r={row} /> · 文件 {row.file} · <a href={source}>打开原文件</a>
        {props.budgetHref ? (
          <>
            {' '}
            · <a href={props.budgetHref}>在预算列表中打开同一单位、年度的预算</a>
          </>
        ) : null}
      </p>
      {!entry ? (
        <p role="status">本文件尚未检查（{STATE_LABELS[s.state]}）。</p>
      ) : !entry.readable ? (
        <ErrorBox title={`无法读取（${entry.error.code}）`} detail={entry.error.message} />
      ) : (
        <>
          <dl class="facts">
            <Fact label="单位">{entry.unit}</Fact>
            <Fact label="年度">{String(entry.year)}</Fact>
            <Fact label="类型">{entry.kind}</Fact>
            <Fact label="格式">{`${FORMAT_LABELS[entry.format] ?? entry.format}${entry.pages ? `，${entry.pages} 页` : ''}`}</Fact>
            <Fact label="收入总计">{amount(entry.totals.revenue, entry)}</Fact>
            <Fact label="支出总计">{amount(entry.totals.expenditure, entry)}</Fact>
            <Fact label="审核发现">{`${SEVERITY_LABELS.error} ${entry.summary.error} · ${SEVERITY_LABELS.warning} ${entry.summary.warning} · ${SEVERITY_LABELS.info} ${entry.summary.info}`}</Fact>
          </dl>
          <h2>读取情况</h2>
          <dl class="facts" id="review-coverage">
            <Fact label="识别的表格">{`${entry.coverage.tables} 张（有数据 ${entry.coverage.tablesWithRows} 张）`}</Fact>
            <Fact label="金额召回率">
              {entry.coverage.recall === null
                ? '来源无可对照的文本，未计算'
                : `${formatRecall(entry.coverage.recall)}（印刷 ${entry.coverage.printedAmounts ?? 0} 个金额，已读取 ${entry.coverage.heldAmounts ?? 0} 个）`}
            </Fact>
            <Fact label="未定位的金额">{`${entry.coverage.unplacedAmounts} 个`}</Fact>
            <Fact label="未知单元格">{`${entry.coverage.unknownCells} 个`}</Fact>
            <Fact label="缺少的标准表格">{entry.coverage.missingTables.length ? entry.coverage.missingTables.join('、') : '无'}</Fact>
            <Fact label="未能检查的规则">{`${entry.coverage.notChecked} 项`}</Fact>
          </dl>
          <h2>审核发现（{findings.length}）</h2>
          {findings.length === 0 ? (
            <p>没有审核发现。</p>
          ) : (
            <ul class="findings" id="review-findings">
              {findings.map((f) => {
                const where = [f.location.section, f.location.item, f.location.field].filter(Boolean).join(' · ');
                const page = f.location.page;
                return (
                  <li>
                    <span class={`sev sev-${f.severity}`}>{severityLabel(f.severity)}</span> <strong>{f.message}</strong>
                    <div class="meta">
                      {f.rule} {categoryLabel(f.category)}
                      {where ? ` · ${where}` : ''}
                      {f.location.line !== null ? ` · 第 ${f.location.line} 行` : ''}
                      {page !== null ? (
                        <>
                          {' · '}
                          {entry.format === 'pdf' ? <a href={`${source}#page=${page}`}>第 {page} 页</a> : `第 ${page} 页`}
                        </>
                      ) : null}
                      {f.expected !== null ? ` · 应为 ${f.expected}，实为 ${f.actual ?? '—'}，差 ${f.difference ?? '—'} ${f.unit ?? ''}` : ''}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
      <p>
        <a href={base}>← 返回审核总表</a>
      </p>
    </Layout>
  );
}

/** Content types of an original file, by its extension (anything else downloads as bytes). */
const SOURCE_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `attachment; filename*=UTF-8''…` (RFC 6266) with an ASCII fallback. */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const base = name.split('/').pop() ?? name;
  const ascii = base.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(base)}`;
}

/** How often the events stream reads the progress from the database, and how long one stream lasts (the browser reconnects). */
const EVENTS_POLL_MS = 500;
const EVENTS_MAX_MS = 5 * 60_000;

/** Registers the desk's pages (authorised by app/route-policy.ts as batch-audit before they run). */
export function registerReviewWeb(app: Hono, ws: Workspace, limits: Limits): void {
  const flow = workflowOf(ws);

  app.get('/reviews', async (c) => c.html(<ReviewDeskPage batches={await recentBatchAudits(ws)} limits={limits} />));

  app.post('/reviews', async (c) => {
    try {
      const form = await c.req.formData().catch(() => {
        throw new FiscusError('INPUT_UNREADABLE', '无法读取上传的表单（应为 multipart/form-data，每份文件一个 files 字段）', { field: 'files' });
      });
      const files: { name: string; bytes: Uint8Array }[] = [];
      for (const f of form.getAll('files')) {
        if (typeof f === 'string') continue;
        files.push({ name: f.name || `file-${files.length + 1}`, bytes: new Uint8Array(await f.arrayBuffer()) });
      }
      const failOn = form.get('failOn');
      const r = await submitReview(ws, files, { createdBy: auditActor(userOf(c), 'web'), limits, ...(typeof failOn === 'string' && failOn ? { failOn } : {}) });
      const q = new URLSearchParams();
      if (r.skipped.length) {
        q.set('skipped', String(r.skipped.length));
        for (const s of r.skipped.slice(0, 5)) q.append('s', s.name.slice(0, 60));
      }
      return c.redirect(`/reviews/${r.status.id}${q.size ? `?${q}` : ''}`, 303);
    } catch (err) {
      if (!(err instanceof FiscusError) || err.code === 'INTERNAL') throw err;
      if (err.code === 'BUSY') c.header('retry-after', String(RETRY_AFTER_S));
      const error = { title: `${ERROR_TITLES[err.code] ?? '未能上传'}（${err.code}）`, detail: limitOf(err) ? `${limitSentence(err)}${err.where.file ? `（${err.where.file}）` : ''}` : err.message };
      return c.html(<ReviewDeskPage batches={await recentBatchAudits(ws)} limits={limits} error={error} />, HTTP_STATUS[err.code] ?? 400);
    }
  });

  const tableOf = async (c: Context) => reviewTable(ws, c.req.param('batch') ?? '', parseReviewQuery(c.req.query()));

  app.get('/reviews/:batch', async (c) => {
    const t = await tableOf(c);
    const n = Number(c.req.query('skipped'));
    const skipped =
      Number.isSafeInteger(n) && n > 0
        ? {
            count: n,
            names:
              c.req
                .queries('s')
                ?.slice(0, 5)
                .map((s) => s.slice(0, 60)) ?? [],
          }
        : undefined;
    return c.html(<ReviewBatchPage t={t} skipped={skipped} />);
  });

  // Progress as server-sent events, read from the database (any server answers): `progress` at each
  // change, `done` at the end. A batch that does not exist is 404 before any stream starts.
  app.get('/reviews/:batch/events', async (c) => {
    const id = c.req.param('batch');
    const first = await batchAuditStatus(ws, id);
    return streamSSE(c, async (stream) => {
      let closed = false;
      stream.onAbort(() => {
        closed = true;
      });
      const started = Date.now();
      let last = -1;
      let s = first;
      for (;;) {
        if (s.done !== last) {
          last = s.done;
          await stream.writeSSE({ event: 'progress', id: String(s.done), retry: 2000, data: JSON.stringify({ done: s.done, total: s.total, state: s.state, label: STATE_LABELS[s.state] }) });
        }
        if (s.state === 'done') {
          await stream.writeSSE({ event: 'done', data: JSON.stringify({ done: s.done, total: s.total, state: s.state, label: STATE_LABELS[s.state] }) });
          return;
        }
        if (closed || Date.now() - started > EVENTS_MAX_MS) return;
        await stream.sleep(EVENTS_POLL_MS);
        if (closed) return;
        s = await batchAuditStatus(ws, id);
      }
    });
  });

  const links = (c: Context, batch: string): ReviewLinks => {
    const origin = new URL(c.req.url).origin;
    return { document: (i) => `${origin}/reviews/${batch}/documents/${i}`, source: (i) => `${origin}/reviews/${batch}/documents/${i}/source` };
  };
  const finished = (t: ReviewTable) => {
    if (t.status.state !== 'done') throw new FiscusError('CONFLICT', `批量审核 ${t.status.id} 尚未完成（已检查 ${t.status.done}/${t.status.total} 份），完成后再下载`);
  };
  const fileName = (t: ReviewTable, what: string, ext: string) => `批量审核第${t.status.id}批-${what}.${ext}`;

  app.get('/reviews/:batch/export.xlsx', async (c) => {
    const t = await tableOf(c);
    finished(t);
    const body = await reviewXlsx(ws, t, links(c, t.status.id));
    return c.body(body as Uint8Array<ArrayBuffer>, 200, { 'content-type': SOURCE_TYPES['.xlsx']!, 'content-disposition': disposition('attachment', fileName(t, '审核总表与审核发现', 'xlsx')) });
  });
  app.get('/reviews/:batch/table.csv', async (c) => {
    const t = await tableOf(c);
    finished(t);
    return c.body(reviewTableCsv(t, links(c, t.status.id)), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition('attachment', fileName(t, '审核总表', 'csv')) });
  });
  app.get('/reviews/:batch/findings.csv', async (c) => {
    const t = await tableOf(c);
    finished(t);
    const body = await reviewFindingsCsv(ws, t, links(c, t.status.id));
    return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition('attachment', fileName(t, '审核发现', 'csv')) });
  });

  app.get('/reviews/:batch/documents/:idx', async (c) => {
    const d = await reviewDocument(ws, c.req.param('batch'), c.req.param('idx'));
    let budgetHref: string | null = null;
    if (d.row.unit) {
      const mine = await flow.listFor(userOf(c), await ws.listBudgets());
      const same = mine.find((b) => b.unitName === d.row.unit && b.year === d.row.year && b.kind === d.row.kind);
      if (same) budgetHref = same.findings === null ? `/public/budgets/${same.id}` : `/budgets/${same.id}`;
    }
    return c.html(<ReviewDocumentPage s={d.status} row={d.row} entry={d.entry} budgetHref={budgetHref} />);
  });

  // The original file as uploaded: a PDF opens in the browser (findings link to its pages), the rest downloads.
  app.get('/reviews/:batch/documents/:idx/source', async (c) => {
    const f = await reviewSource(ws, c.req.param('batch'), c.req.param('idx'));
    const ext = /\.[^./]+$/.exec(f.name.toLowerCase())?.[0] ?? '';
    const type = SOURCE_TYPES[ext] ?? 'application/octet-stream';
    return c.body(f.bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': type, 'content-disposition': disposition(ext === '.pdf' ? 'inline' : 'attachment', f.name) });
  });
}
