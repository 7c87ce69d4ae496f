/**
 * `fiscus org …`, `fiscus user …` and `fiscus token …` (issue 13): the organisation tree, accounts and
 * API tokens of a workspace (`--data DIR`, or DATABASE_URL for PostgreSQL). Opening an empty
 * workspace creates the administrator as `serve` does (its generated password on standard error).
 * `token add` prints the token alone on standard output, for scripts.
 */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { openWorkspace, type Workspace } from '../app/workspace.js';
import { accountsOf, type Accounts, type User } from '../app/accounts.js';
import { ORG_KIND_LABELS, ROLE_LABELS, parseOrgKind, parseRole, type Organisation } from '../domain/access.js';
import { FiscusError } from '../domain/errors.js';

const DATA_OPTION = ['-d, --data <dir>', 'PGlite 数据目录 / data folder (DATABASE_URL selects PostgreSQL)', './data'] as const;

/** The first administrator of an empty workspace, its generated password (if any) written once by `say`. */
export async function bootstrapAdmin(acc: Accounts, say: (s: string) => void, rootName?: string): Promise<void> {
  const adminPassword = process.env['FISCUS_ADMIN_PASSWORD'];
  const b = await acc.bootstrap({ adminPassword: adminPassword === '' ? undefined : adminPassword, ...(rootName ? { rootName } : {}) });
  if (!b.created) return;
  if (b.generatedPassword) say(`已创建管理员 admin，初始密码（只显示这一次）：${b.generatedPassword}\n`);
  else say('已创建管理员 admin（密码取自 FISCUS_ADMIN_PASSWORD）\n');
}

async function withAccounts<T>(data: string, fn: (acc: Accounts, ws: Workspace) => Promise<T>): Promise<T> {
  const databaseUrl = process.env['DATABASE_URL'];
  const ws = await openWorkspace(databaseUrl ? { databaseUrl } : { dataDir: resolve(data) });
  try {
    const acc = accountsOf(ws, { actor: 'cli' });
    await bootstrapAdmin(acc, (s) => process.stderr.write(s));
    return await fn(acc, ws);
  } finally {
    await ws.close();
  }
}

/** The password from standard input (one line; the line end is not part of it). */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const first = text.split(/\r?\n/)[0] ?? '';
  if (first === '') throw new FiscusError('INPUT_INVALID', '标准输入中没有密码（--password-stdin 读取第一行）', { field: 'password' });
  return first;
}

/** A password to set: from standard input, or generated (and then printed). */
async function newPassword(fromStdin: boolean | undefined): Promise<{ password: string; generated: boolean }> {
  if (fromStdin) return { password: await passwordFromStdin(), generated: false };
  const { randomBytes } = await import('node:crypto');
  return { password: randomBytes(12).toString('base64url'), generated: true };
}

const status = (u: User) => (u.disabled ? '已停用' : u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() ? `锁定至 ${u.lockedUntil}` : '正常');

function orgLines(orgs: Organisation[]): string[] {
  const zh = new Intl.Collator('zh-CN');
  const out: string[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const o of orgs.filter((x) => x.parentId === parent).sort((a, b) => zh.compare(a.name, b.name))) {
      out.push(`${'  '.repeat(depth)}${o.name}（${ORG_KIND_LABELS[o.kind]}）`);
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function registerAccounts(program: Command): void {
  const org = program.command('org').description('机构树（财政局 → 主管部门 → 所属单位）/ the organisation tree');
  org
    .command('add <name>')
    .description('新增机构 / add an organisation')
    .requiredOption('--kind <kind>', '机构类型：财政局、主管部门、所属单位（或 finance-bureau、department、unit）')
    .option('--parent <name>', '上级机构名称（财政局没有上级）')
    .option(...DATA_OPTION)
    .action(async (name: string, o: { kind: string; parent?: string; data: string }) => {
      const kind = parseOrgKind(o.kind);
      await withAccounts(o.data, async (acc) => {
        const made = await acc.addOrganisation({ name, kind, parent: o.parent ?? null });
        process.stdout.write(`已新增${ORG_KIND_LABELS[made.kind]} ${made.name}${o.parent ? `（上级：${o.parent}）` : ''}\n`);
      });
    });
  org
    .command('list')
    .description('列出机构树 / print the organisation tree')
    .option(...DATA_OPTION)
    .action(async (o: { data: string }) => {
      await withAccounts(o.data, async (acc) => {
        process.stdout.write(orgLines(await acc.organisations()).join('\n') + '\n');
      });
    });

  const user = program.command('user').description('用户 / users');
  user
    .command('add <login>')
    .description('新增用户（不加 --password-stdin 时生成并显示初始密码）/ add a user')
    .requiredOption('--name <name>', '姓名 / display name')
    .requiredOption('--role <role>', '角色：经办、部门审核、财政审核、管理员（或 preparer、department-reviewer、finance-reviewer、admin）')
    .requiredOption('--org <name>', '所属机构名称 / organisation')
    .option('--password-stdin', '从标准输入读取密码（第一行）')
    .option(...DATA_OPTION)
    .action(async (login: string, o: { name: string; role: string; org: string; passwordStdin?: boolean; data: string }) => {
      const role = parseRole(o.role);
      const { password, generated } = await newPassword(o.passwordStdin);
      await withAccounts(o.data, async (acc) => {
        const u = await acc.addUser({ login, displayName: o.name, role, organisation: o.org, password });
        process.stdout.write(`已新增用户 ${u.login}（${u.displayName}，${ROLE_LABELS[u.role]}，${u.organisation.name}）\n`);
        if (generated) process.stdout.write(`初始密码（只显示这一次）：${password}\n`);
      });
    });
  user
    .command('list')
    .description('列出用户 / list users')
    .option(...DATA_OPTION)
    .action(async (o: { data: string }) => {
      await withAccounts(o.data, async (acc) => {
        const lines = (await acc.listUsers()).map((u) => [u.login, u.displayName, ROLE_LABELS[u.role], u.organisation.name, status(u), u.lastLoginAt ?? '从未登录'].join('\t'));
        process.stdout.write(['用户名\t姓名\t角色\t机构\t状态\t最近登录', ...lines].join('\n') + '\n');
      });
    });
  for (const [name, disabled, what] of [
    ['disable', true, '停用用户（结束其会话，其令牌随之失效）/ disable a user'],
    ['enable', false, '重新启用用户 / enable a user again'],
  ] as const) {
    user
      .command(`${name} <login>`)
      .description(what)
      .option(...DATA_OPTION)
      .action(async (login: string, o: { data: string }) => {
        await withAccounts(o.data, async (acc) => {
          const u = await acc.setDisabled(login, disabled);
          process.stdout.write(`已${disabled ? '停用' : '启用'}用户 ${u.login}\n`);
        });
      });
  }
  user
    .command('passwd <login>')
    .description('重设密码（解除锁定，结束其会话；不加 --password-stdin 时生成并显示新密码）/ set a new password')
    .option('--password-stdin', '从标准输入读取新密码（第一行）')
    .option(...DATA_OPTION)
    .action(async (login: string, o: { passwordStdin?: boolean; data: string }) => {
      const { password, generated } = await newPassword(o.passwordStdin);
      await withAccounts(o.data, async (acc) => {
        await acc.setPassword(login, password);
        process.stdout.write(`已重设用户 ${login.trim().toLowerCase()} 的密码\n`);
        if (generated) process.stdout.write(`新密码（只显示这一次）：${password}\n`);
      });
    });

  const token = program.command('token').description('API 令牌（Authorization: Bearer）/ API tokens');
  token
    .command('add <login>')
    .description('为用户新建 API 令牌，令牌只在标准输出显示这一次 / create a token (printed on standard output)')
    .option('--name <name>', '令牌用途 / what the token is for', 'API')
    .option(...DATA_OPTION)
    .action(async (login: string, o: { name: string; data: string }) => {
      await withAccounts(o.data, async (acc) => {
        const t = await acc.addToken(login, o.name);
        process.stderr.write(`已为 ${t.info.login} 新建令牌 ${t.info.id}（${t.info.name}）；令牌只显示这一次：\n`);
        process.stdout.write(`${t.token}\n`);
      });
    });
  token
    .command('list [login]')
    .description('列出令牌（不含令牌本身）/ list tokens')
    .option(...DATA_OPTION)
    .action(async (login: string | undefined, o: { data: string }) => {
      await withAccounts(o.data, async (acc) => {
        const lines = (await acc.listTokens(login)).map((t) =>
          [t.id, t.login, t.name, `${t.prefix}…`, t.createdAt, t.lastUsedAt ?? '未使用', t.revokedAt ? `已撤销 ${t.revokedAt}` : '有效'].join('\t'),
        );
        process.stdout.write(['编号\t用户\t用途\t前缀\t创建时间\t最近使用\t状态', ...lines].join('\n') + '\n');
      });
    });
  token
    .command('revoke <token>')
    .description('撤销令牌（给出编号或令牌本身）/ revoke a token by its id or by itself')
    .option(...DATA_OPTION)
    .action(async (ref: string, o: { data: string }) => {
      await withAccounts(o.data, async (acc) => {
        const t = await acc.revokeToken(ref.trim());
        process.stdout.write(`已撤销 ${t.login} 的令牌 ${t.id}（${t.prefix}…）\n`);
      });
    });
}
