/**
 * 我的账户 (issue 13): the signed-in user's own API tokens — created by their owner (the secret shown
 * once), listed, and revoked. Authorised by app/route-policy.ts (manage-own-tokens: every role).
 */
import type { Context, Hono } from 'hono';
import { accountsOf, type TokenInfo, type User } from '../app/accounts.js';
import { HTTP_STATUS } from '../app/http-status.js';
import type { Workspace } from '../app/workspace.js';
import { ROLE_LABELS } from '../domain/access.js';
import { FiscusError } from '../domain/errors.js';
import { formBody } from './form-body.js';
import { Layout } from './layout.js';
import { dateTime, Outcome } from './pages.js';
import { userOf } from './user.js';

function AccountPage(props: { user: User; tokens: TokenInfo[]; created?: { token: string; name: string } | undefined; notice?: string | undefined; error?: FiscusError | undefined }) {
  const { user } = props;
  return (
    <Layout title="我的账户">
      <h1>我的账户</h1>
      <p class="sub">
        {user.displayName}（{user.login}）· {ROLE_LABELS[user.role]} · {user.organisation.name}
      </p>
      <Outcome error={props.error} notice={props.notice} />
      {props.created ? (
        <div class="notice" role="status" id="new-token">
          <p>已创建令牌“{props.created.name}”。请立即复制保存，它只显示这一次：</p>
          <p>
            <code>{props.created.token}</code>
          </p>
          <p class="muted">调用 API 时在请求头中加上：Authorization: Bearer {props.created.token.slice(0, 12)}…</p>
        </div>
      ) : null}
      <section aria-labelledby="tokens-h">
        <h2 id="tokens-h">API 令牌</h2>
        {props.tokens.length === 0 ? (
          <p class="muted">还没有令牌。</p>
        ) : (
          <table class="data" id="tokens">
            <thead>
              <tr>
                <th>名称</th>
                <th>开头</th>
                <th>创建时间</th>
                <th>最近使用</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {props.tokens.map((t) => (
                <tr>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td class="nowrap">{dateTime(t.createdAt)}</td>
                  <td class="nowrap">{t.lastUsedAt ? dateTime(t.lastUsedAt) : '从未'}</td>
                  <td>
                    {t.revokedAt ? (
                      `已撤销（${dateTime(t.revokedAt)}）`
                    ) : (
                      <form method="post" action={`/account/tokens/${t.id}/revoke`} class="inline">
                        有效 <button type="submit">撤销</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form method="post" action="/account/tokens" class="token-new">
          <label for="token-name">新令牌名称</label> <input id="token-name" name="name" maxlength={100} required placeholder="如：预算一体化平台对接" /> <button type="submit">创建令牌</button>
        </form>
      </section>
    </Layout>
  );
}

export function registerAccountWeb(app: Hono, ws: Workspace): void {
  const me = (c: Context): User => {
    const u = userOf(c);
    if (!u) throw new FiscusError('UNAUTHENTICATED', '请先登录');
    return u;
  };
  const page = async (c: Context, extra: { created?: { token: string; name: string }; notice?: string; error?: FiscusError } = {}) => {
    const user = me(c);
    const tokens = await accountsOf(ws).listTokens(user.login);
    return c.html(<AccountPage user={user} tokens={tokens} {...extra} />, extra.error ? (HTTP_STATUS[extra.error.code] ?? 400) : 200);
  };
  app.get('/account', (c) => page(c));
  app.post('/account/tokens', async (c) => {
    const user = me(c);
    const form = await formBody(c);
    const name = typeof form['name'] === 'string' ? form['name'] : '';
    try {
      const t = await accountsOf(ws, { actor: user.login }).addToken(user.login, name);
      return page(c, { created: { token: t.token, name: t.info.name } });
    } catch (e) {
      if (e instanceof FiscusError && e.code === 'INPUT_INVALID') return page(c, { error: e });
      throw e;
    }
  });
  app.post('/account/tokens/:token/revoke', async (c) => {
    const user = me(c);
    const ref = c.req.param('token');
    if (!/^\d{1,9}$/.test(ref)) throw new FiscusError('NOT_FOUND', `令牌 ${ref.slice(0, 20)} 不存在`);
    try {
      await accountsOf(ws).revokeToken(ref, user);
      return page(c, { notice: '令牌已撤销。' });
    } catch (e) {
      if (e instanceof FiscusError && e.code === 'CONFLICT') return page(c, { error: e });
      throw e;
    }
  });
}
