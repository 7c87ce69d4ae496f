/**
 * Signing in and out of the web app (issue 13): the 登录 page, a server-side session in an HttpOnly,
 * SameSite=Lax cookie (Secure when the request came over TLS), and the signed-in user on every
 * request. Signing in is not yet required by any page: a request without a session is the public's.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { accountsOf, SESSION_COOKIE, type User } from '../app/accounts.js';
import type { Workspace } from '../app/workspace.js';
import { SESSION_IDLE_HOURS } from '../domain/accounts.js';
import { FiscusError } from '../domain/errors.js';
import { Layout } from './layout.js';
import { userOf } from './user.js';

export { userOf };

const secure = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/** Sets `user` from the session cookie; a cookie naming no live session is removed. */
export function sessionMiddleware(ws: Workspace): MiddlewareHandler {
  const acc = accountsOf(ws);
  return async (c, next) => {
    const session = getCookie(c, SESSION_COOKIE);
    let user: User | null = null;
    if (session !== undefined) {
      user = await acc.sessionUser(session);
      if (!user) deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
    }
    c.set('user' as never, user as never);
    await next();
  };
}

/** Where to go after signing in: a path of this site only (never `//host` or a scheme). */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/';
}

function LoginPage(props: { next: string; login?: string; error?: FiscusError }) {
  return (
    <Layout title="登录">
      <h1>登录</h1>
      {props.error ? (
        <div class="alert" role="alert">
          <strong>登录失败</strong>：{props.error.message}（{props.error.code}）
        </div>
      ) : null}
      <form method="post" action={`/login?next=${encodeURIComponent(props.next)}`} class="login">
        <p>
          <label for="login">用户名</label>
          <br />
          <input id="login" name="login" autocomplete="username" required maxlength={64} value={props.login ?? ''} autofocus />
        </p>
        <p>
          <label for="password">密码</label>
          <br />
          <input id="password" name="password" type="password" autocomplete="current-password" required maxlength={256} />
        </p>
        <p>
          <button type="submit">登录</button>
        </p>
      </form>
      <p class="sub">连续 5 次密码错误后账户锁定 15 分钟。忘记密码请联系管理员重设。</p>
    </Layout>
  );
}

/** GET/POST /login and POST /logout. */
export function registerSessionRoutes(app: Hono, ws: Workspace): void {
  const acc = accountsOf(ws);
  app.get('/login', (c) => c.html(<LoginPage next={safeNext(c.req.query('next'))} />));
  app.post('/login', async (c) => {
    const next = safeNext(c.req.query('next'));
    const form = await c.req.parseBody().catch((): Record<string, unknown> => ({}));
    const login = typeof form['login'] === 'string' ? form['login'] : '';
    const password = typeof form['password'] === 'string' ? form['password'] : '';
    try {
      if (login.trim() === '' || password === '') throw new FiscusError('UNAUTHENTICATED', '请输入用户名和密码', { field: login.trim() === '' ? 'login' : 'password' });
      const s = await acc.signIn(login, password);
      setCookie(c, SESSION_COOKIE, s.session, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c), maxAge: SESSION_IDLE_HOURS * 3600 });
      return c.redirect(next, 303);
    } catch (e) {
      if (!(e instanceof FiscusError) || e.code !== 'UNAUTHENTICATED') throw e;
      return c.html(<LoginPage next={next} login={login.slice(0, 64)} error={e} />, 401);
    }
  });
  app.post('/logout', async (c) => {
    const session = getCookie(c, SESSION_COOKIE);
    if (session !== undefined) await acc.signOut(session);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
    return c.redirect('/', 303);
  });
}
