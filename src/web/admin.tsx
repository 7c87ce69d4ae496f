/**
 * 用户与机构 (issue 13 item 1: the 管理员 manages users): the organisation tree, every user with role,
 * organisation and state, adding a user or an organisation, disabling or enabling a user and setting
 * a new password. The same use cases as `fiscus user|org` (app/accounts.ts), so the same checks, the
 * same Chinese refusals and one audit-log entry per change naming the administrator. Authorised by
 * app/route-policy.ts (manage-users: the 管理员 only).
 */
import type { Context, Hono } from 'hono';
import { accountsOf, type User } from '../app/accounts.js';
import { HTTP_STATUS } from '../app/http-status.js';
import type { Workspace } from '../app/workspace.js';
import { ORG_KIND_LABELS, ORG_KINDS, PARENT_KIND, ROLE_LABELS, ROLE_ORG_KINDS, ROLES, type Organisation, type OrgKind, type Role } from '../domain/access.js';
import { parseLogin } from '../domain/accounts.js';
import { FiscusError } from '../domain/errors.js';
import { formBody, type FormBody } from './form-body.js';
import { Layout } from './layout.js';
import { dateTime, Outcome } from './pages.js';
import { userOf } from './user.js';

/** What the administrator typed into the add-user form, shown again after a refusal (never the password). */
interface UserDraft {
  login?: string;
  displayName?: string;
  role?: string;
  organisation?: string;
}

interface PageProps {
  me: User;
  users: User[];
  organisations: Organisation[];
  notice?: string | undefined;
  error?: FiscusError | undefined;
  draft?: UserDraft | undefined;
}

/** Organisations in tree order (each after its parent), with their depth for indentation. */
function treeOrder(orgs: readonly Organisation[]): Array<{ org: Organisation; depth: number }> {
  const out: Array<{ org: Organisation; depth: number }> = [];
  const walk = (parent: number | null, depth: number) => {
    for (const o of orgs.filter((x) => x.parentId === parent)) {
      out.push({ org: o, depth });
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** An organisation in a select, indented by its depth in the tree, with its kind. */
function OrgOption(props: { org: Organisation; depth: number; selected: boolean }) {
  return (
    <option value={props.org.name} selected={props.selected}>
      {'　'.repeat(props.depth)}
      {props.org.name}（{ORG_KIND_LABELS[props.org.kind]}）
    </option>
  );
}

function userState(u: User): string {
  if (u.disabled) return '已停用';
  if (u.lockedUntil && Date.parse(u.lockedUntil) > Date.now()) return `已锁定至 ${dateTime(u.lockedUntil)}`;
  return '正常';
}

function AdminPage(props: PageProps) {
  const ordered = treeOrder(props.organisations);
  const d = props.draft ?? {};
  return (
    <Layout title="用户与机构">
      <h1>用户与机构</h1>
      <p class="sub">
        {props.me.displayName}（{ROLE_LABELS[props.me.role]}）· 每项变更都记入审计日志
      </p>
      <Outcome error={props.error} notice={props.notice} />
      <section aria-labelledby="users-h">
        <h2 id="users-h">用户（{props.users.length} 个）</h2>
        <table class="data" id="users">
          <thead>
            <tr>
              <th>用户名</th>
              <th>姓名</th>
              <th>角色</th>
              <th>所属机构</th>
              <th>状态</th>
              <th>最近登录</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((u) => (
              <tr>
                <td>
                  <code>{u.login}</code>
                </td>
                <td>{u.displayName}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.organisation.name}</td>
                <td>{userState(u)}</td>
                <td class="nowrap">{u.lastLoginAt ? dateTime(u.lastLoginAt) : '从未'}</td>
                <td>
                  {u.id === props.me.id ? (
                    <span class="muted">当前用户</span>
                  ) : (
                    <>
                      <form method="post" action={`/admin/users/${encodeURIComponent(u.login)}/${u.disabled ? 'enable' : 'disable'}`} class="inline">
                        <button type="submit">{u.disabled ? '启用' : '停用'}</button>
                      </form>{' '}
                      <form method="post" action={`/admin/users/${encodeURIComponent(u.login)}/password`} class="inline">
                        <label class="visually-hidden" for={`pw-${u.id}`}>
                          {u.login} 的新密码
                        </label>
                        <input id={`pw-${u.id}`} name="password" type="password" autocomplete="new-password" minlength={10} maxlength={256} required placeholder="新密码（至少 10 位）" />{' '}
                        <button type="submit">重设密码</button>
                      </form>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>新增用户</h3>
        <form method="post" action="/admin/users" class="stack" id="user-new">
          <p>
            <label for="u-login">用户名</label> <input id="u-login" name="login" required maxlength={64} value={d.login ?? ''} autocomplete="off" />
          </p>
          <p>
            <label for="u-name">姓名</label> <input id="u-name" name="displayName" required maxlength={100} value={d.displayName ?? ''} />
          </p>
          <p>
            <label for="u-role">角色</label>{' '}
            <select id="u-role" name="role" required>
              {ROLES.map((r) => (
                <option value={r} selected={d.role === r}>
                  {ROLE_LABELS[r]}（可属于：{ROLE_ORG_KINDS[r].map((k) => ORG_KIND_LABELS[k]).join('、')}）
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="u-org">所属机构</label>{' '}
            <select id="u-org" name="organisation" required>
              {ordered.map((o) => (
                <OrgOption {...o} selected={d.organisation === o.org.name} />
              ))}
            </select>
          </p>
          <p>
            <label for="u-pw">初始密码</label> <input id="u-pw" name="password" type="password" autocomplete="new-password" minlength={10} maxlength={256} required />
          </p>
          <p>
            <button type="submit">新增用户</button>
          </p>
        </form>
      </section>
      <section aria-labelledby="orgs-h">
        <h2 id="orgs-h">机构（{props.organisations.length} 个）</h2>
        <ul id="organisations">
          {ordered.map(({ org, depth }) => (
            <li style={`margin-left:${depth * 1.5}em`}>
              {org.name}（{ORG_KIND_LABELS[org.kind]}）
            </li>
          ))}
        </ul>
        <h3>新增机构</h3>
        <form method="post" action="/admin/organisations" class="stack" id="org-new">
          <p>
            <label for="o-name">机构名称</label> <input id="o-name" name="name" required maxlength={100} />
          </p>
          <p>
            <label for="o-kind">类型</label>{' '}
            <select id="o-kind" name="kind" required>
              {ORG_KINDS.filter((k) => PARENT_KIND[k] !== null).map((k) => (
                <option value={k}>{ORG_KIND_LABELS[k]}</option>
              ))}
            </select>
          </p>
          <p>
            <label for="o-parent">上级机构</label>{' '}
            <select id="o-parent" name="parent" required>
              {ordered
                .filter(({ org }) => org.kind !== 'unit')
                .map((o) => (
                  <OrgOption {...o} selected={false} />
                ))}
            </select>
          </p>
          <p>
            <button type="submit">新增机构</button>
          </p>
        </form>
      </section>
    </Layout>
  );
}

const text = (form: FormBody, key: string): string => (typeof form[key] === 'string' ? form[key] : '');

/** The route's login parameter: a login as accounts stores it, else NOT_FOUND (nothing is looked up). */
/** The `:login` of the path as the domain reads a login (parseLogin); one that cannot be a login names no user: NOT_FOUND. */
function loginParam(c: Context): string {
  const login = c.req.param('login') ?? '';
  try {
    return parseLogin(login);
  } catch {
    throw new FiscusError('NOT_FOUND', `用户 ${JSON.stringify(login.slice(0, 64))} 不存在`);
  }
}

export function registerAdminWeb(app: Hono, ws: Workspace): void {
  const me = (c: Context): User => {
    const u = userOf(c);
    if (!u) throw new FiscusError('UNAUTHENTICATED', '请先登录');
    return u;
  };
  const page = async (c: Context, extra: { notice?: string; error?: FiscusError; draft?: UserDraft } = {}) => {
    const acc = accountsOf(ws);
    const [users, organisations] = await Promise.all([acc.listUsers(), acc.organisations()]);
    const status = extra.error ? (HTTP_STATUS[extra.error.code] ?? 400) : 200;
    return c.html(<AdminPage me={me(c)} users={users} organisations={organisations} {...extra} />, status as 200);
  };
  /** Runs a change as the signed-in administrator; a refusal of the input is shown on the page, anything else propagates. */
  const change = async (c: Context, run: (acc: ReturnType<typeof accountsOf>, form: FormBody) => Promise<string>, draftOf?: (form: FormBody) => UserDraft) => {
    const admin = me(c);
    const form = await formBody(c);
    try {
      return await page(c, { notice: await run(accountsOf(ws, { actor: admin.login }), form) });
    } catch (e) {
      if (e instanceof FiscusError && (e.code === 'INPUT_INVALID' || e.code === 'NOT_FOUND' || e.code === 'CONFLICT')) return page(c, { error: e, ...(draftOf ? { draft: draftOf(form) } : {}) });
      throw e;
    }
  };
  /** A refusal to act on oneself: an administrator who disables themselves or resets their password here locks the workspace's door. */
  const notSelf = (c: Context, login: string) => {
    if (me(c).login === login.toLowerCase()) throw new FiscusError('INPUT_INVALID', '不能在此停用或重设当前登录的用户（请用 fiscus user passwd 或由另一位管理员操作）', { field: 'login' });
  };

  app.get('/admin/users', (c) => page(c));
  app.post('/admin/users', (c) =>
    change(
      c,
      async (acc, form) => {
        const role = text(form, 'role');
        if (!(ROLES as readonly string[]).includes(role)) throw new FiscusError('INPUT_INVALID', `角色应为 ${ROLES.map((r) => ROLE_LABELS[r]).join('、')} 之一`, { field: 'role' });
        const u = await acc.addUser({
          login: text(form, 'login'),
          displayName: text(form, 'displayName'),
          role: role as Role,
          organisation: text(form, 'organisation'),
          password: text(form, 'password'),
        });
        return `已新增用户 ${u.login}（${u.displayName}，${ROLE_LABELS[u.role]}，${u.organisation.name}）。`;
      },
      (form) => ({ login: text(form, 'login'), displayName: text(form, 'displayName'), role: text(form, 'role'), organisation: text(form, 'organisation') }),
    ),
  );
  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(`/admin/users/:login/${action}`, (c) =>
      change(c, async (acc) => {
        const login = loginParam(c);
        notSelf(c, login);
        const u = await acc.setDisabled(login, disabled);
        return disabled ? `已停用用户 ${u.login}：其会话已结束，API 令牌停止生效。` : `已启用用户 ${u.login}。`;
      }),
    );
  }
  app.post('/admin/users/:login/password', (c) =>
    change(c, async (acc, form) => {
      const login = loginParam(c);
      notSelf(c, login);
      await acc.setPassword(login, text(form, 'password'));
      return `已为 ${login} 设置新密码：其会话已结束，锁定已解除。`;
    }),
  );
  app.post('/admin/organisations', (c) =>
    change(c, async (acc, form) => {
      const kind = text(form, 'kind');
      if (!(ORG_KINDS as readonly string[]).includes(kind)) throw new FiscusError('INPUT_INVALID', `机构类型应为 ${ORG_KINDS.map((k) => ORG_KIND_LABELS[k]).join('、')} 之一`, { field: 'kind' });
      const o = await acc.addOrganisation({ name: text(form, 'name'), kind: kind as OrgKind, parent: text(form, 'parent') || null });
      return `已新增机构 ${o.name}（${ORG_KIND_LABELS[o.kind]}）。`;
    }),
  );
}
