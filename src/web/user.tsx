/** The signed-in user of a request, for handlers and for the page frame. */
import { tryGetContext } from 'hono/context-storage';
import type { User } from '../app/accounts.js';
import { requestUser } from '../app/route-policy.js';
import { ROLE_LABELS, roleMay } from '../domain/access.js';

/** The signed-in user of a request (null: the public): the one reading of it, app/route-policy's. */
export const userOf = requestUser;

/** The signed-in user of the request being rendered, null outside a request or for the public. */
export function currentUser(): User | null {
  const c = tryGetContext();
  return c ? userOf(c) : null;
}

/** The signed-in user in the page frame: name, role, organisation and 退出, or 登录. */
export function UserNav() {
  const u = currentUser();
  if (!u) {
    return (
      <li>
        <a href="/login">登录</a>
      </li>
    );
  }
  return (
    <>
      {roleMay(u.role, 'batch-audit') ? (
        <li>
          <a href="/reviews">批量审核</a>
        </li>
      ) : null}
      {roleMay(u.role, 'manage-users') ? (
        <li>
          <a href="/admin/users">用户与机构</a>
        </li>
      ) : null}
      <li class="user">
        <a href="/account" title="我的账户与 API 令牌">
          {u.displayName}（{ROLE_LABELS[u.role]}，{u.organisation.name}）
        </a>{' '}
        <form method="post" action="/logout" class="inline">
          <button type="submit">退出</button>
        </form>
      </li>
    </>
  );
}
