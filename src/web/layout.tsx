/** The page frame: head, top navigation, a budget's tab bar. */
import type { Child } from 'hono/jsx';
import { assetUrl } from './assets.js';
import { tryGetContext } from 'hono/context-storage';
import { currentUser, UserNav } from './user.js';

/** htmx swaps 409/422 answers too: they carry the form with its message (a conflict, a bad figure). */
const HTMX_CONFIG = JSON.stringify({
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '409', swap: true, error: false },
    { code: '422', swap: true, error: false },
    { code: '[45]..', swap: false, error: true },
  ],
});

export interface BudgetNavInfo {
  id: string;
  unitName: string;
  year: number;
  kind: string;
  latestVersion: number;
  /** The latest version's state in the approval workflow (its label). */
  stateLabel?: string;
}

/**
 * The budget's breadcrumb with its workflow state. `oob`: sent beside an htmx fragment so that the
 * state shown follows a save (an edit of an approved or published version starts a new draft).
 */
export function BudgetCrumb(props: { b: BudgetNavInfo; oob?: boolean }) {
  const { b } = props;
  return (
    <p class="sub" id="budget-crumb" hx-swap-oob={props.oob ? 'true' : undefined}>
      <a href="/">预算列表</a> › {b.unitName} {b.year}年{b.kind}
      {b.stateLabel ? (
        <>
          {' '}
          ·{' '}
          <a href={`/budgets/${b.id}/workflow`} class="state">
            {b.stateLabel}
          </a>
        </>
      ) : null}
    </p>
  );
}

export type Tab = 'dashboard' | 'narrative' | 'tables' | 'projects' | 'findings' | 'versions' | 'workflow' | 'follow' | 'compare' | 'reconcile';

/** An older version being browsed read-only: its number, the latest, and this page at the latest. */
export interface VersionView {
  v: number;
  latest: number;
  latestHref: string;
}

const TABS: Array<[Tab, string, string]> = [
  ['dashboard', '概览', ''],
  ['narrative', '文字说明', '/narrative'],
  ['tables', '公开表格', '/tables'],
  ['projects', '项目', '/projects'],
  ['findings', '审核发现', '/findings'],
  ['versions', '版本历史', '/versions'],
  ['workflow', '审批', '/workflow'],
  ['follow', '执行与绩效', '/follow'],
  ['compare', '与上年比较', '/compare'],
  ['reconcile', '预算与决算核对', '/reconcile'],
];

/** True while rendering an answer to a request for a public portal address (`/public…`). */
function onPortal(): boolean {
  const c = tryGetContext();
  const path = c ? (c as unknown as { req: { path: string } }).req.path : '';
  return path === '/public' || path.startsWith('/public/');
}

/**
 * The page frame. `portal`: the public portal's frame (the portal's own navigation, never a budget's
 * working tabs: no links to findings, versions, 审批 or edit pages); by default every page answering
 * a portal address, so that its error pages (a budget with nothing published: 404) keep that frame.
 * `noscriptHead`: put in the head inside `<noscript>` (what replaces a page's script without it).
 */
export function Layout(props: {
  title: string;
  budget?: BudgetNavInfo;
  tab?: Tab;
  children?: Child;
  charts?: boolean;
  view?: VersionView | undefined;
  portal?: boolean;
  noscriptHead?: Child | undefined;
}) {
  const portal = props.portal ?? onPortal();
  const b = portal ? undefined : props.budget;
  const view = props.view;
  // Tabs stay in the version being browsed (the version history is always about all versions).
  const q = (t: Tab) => (view && t !== 'versions' && t !== 'follow' && t !== 'workflow' && t !== 'compare' ? `?v=${view.v}` : '');
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <title>{props.title} — fiscus</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <script src={assetUrl('htmx.min.js')} defer></script>
        {props.charts ? <script src={assetUrl('echarts.min.js')} defer></script> : null}
        <script src={assetUrl('app.js')} defer></script>
        {/* Only without script (a page that refreshes itself while its script would listen for events). */}
        {props.noscriptHead ? <noscript>{props.noscriptHead}</noscript> : null}
      </head>
      <body>
        <a class="skip" href="#main">
          跳到正文
        </a>
        <header class="top">
          {portal ? (
            <>
              <a class="brand" href="/public">
                fiscus 预算公开
              </a>
              <nav aria-label="全站">
                <ul>
                  <li>
                    <a href="/public">已公开的预算</a>
                  </li>
                  {currentUser() ? (
                    <li>
                      <a href="/">工作台</a>
                    </li>
                  ) : null}
                  <UserNav />
                </ul>
              </nav>
            </>
          ) : (
            <>
              <a class="brand" href="/">
                fiscus 部门预算与绩效管理
              </a>
              <nav aria-label="全站">
                <ul>
                  <li>
                    <a href="/">预算列表</a>
                  </li>
                  <li>
                    <a href="/compare">比较</a>
                  </li>
                  <li>
                    <a href="/public">公开门户</a>
                  </li>
                  <li>
                    <a href="/docs">API 文档</a>
                  </li>
                  <UserNav />
                </ul>
              </nav>
            </>
          )}
        </header>
        <main id="main">
          {b ? (
            <>
              <BudgetCrumb b={b} />
              <nav class="budget" aria-label="本预算">
                <ul>
                  {TABS.map(([t, label, path]) => (
                    <li>
                      <a href={`/budgets/${b.id}${path}${q(t)}`} aria-current={props.tab === t ? 'page' : undefined}>
                        {label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              {view ? (
                <div class="old-version" role="note" id="old-version">
                  <strong>正在查看第 {view.v} 版（非最新）</strong>，只读。 <a href={view.latestHref}>查看最新版本（第 {view.latest} 版）</a>
                </div>
              ) : null}
            </>
          ) : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}
