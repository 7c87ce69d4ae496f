/**
 * The audit trail's use cases (issue 13): reading the log (all of it, or one budget's history with the
 * users' names) and verifying its hash chain. Entries are appended by the writes themselves, in their
 * transactions (storage/audit-log-repo.ts `appendAudit`); this module only reads.
 */
import { ROLE_LABELS, type Role } from '../domain/access.js';
import { FiscusError } from '../domain/errors.js';
import { STATE_LABELS, type State } from '../domain/workflow.js';
import * as audit from '../storage/audit-log-repo.js';
import { connectionOf, documentIdOf, type Workspace } from './workspace.js';

/** One entry of the log as the front doors see it. */
export type AuditEntry = audit.AuditRecord;
export type AuditVerification = audit.AuditVerification;
export type AuditBreak = audit.AuditBreak;

/** Who did a write through a front door: the signed-in user's login, else the door ('web', 'api', 'cli'). */
export function auditActor(user: { login: string } | null | undefined, door: 'web' | 'api' | 'cli' | 'system'): string {
  return user ? user.login : door;
}

/** The target key of a budget's entries. */
export const budgetTarget = (documentId: number | string): string => `budget:${documentId}`;

/** What each action key means, in Chinese (the web page and `fiscus log list`). */
export const ACTION_LABELS: Record<string, string> = {
  'budget.import': '导入',
  'budget.edit': '修改项目申报表',
  'budget.edit-narrative': '修改说明',
  'budget.edit-cells': '修改表格金额',
  'budget.edit-targets': '修改整体支出绩效目标表金额',
  'budget.edit-overview': '修改项目概况',
  'payments.import': '导入支付明细',
  'payment.add': '录入支付',
  'payment.delete': '删除支付',
  'budget.adjust': '预算调整（调剂）',
  'monitoring.save': '保存绩效监控',
  'evaluation.save': '保存绩效自评',
  'budget.submit': '提交',
  'budget.return': '退回',
  'budget.review': '审核',
  'budget.approve': '批复',
  'budget.publish': '公开',
  'waiver.add': '豁免错误',
  'waiver.revoke': '撤销豁免',
  'budget.upload-staged': '重新上传（待确认）',
  'budget.upload-discarded': '放弃重新上传',
  'org.add': '新增机构',
  'user.add': '新增用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.passwd': '重设密码',
  'user.signin': '登录',
  'user.signin-failed': '登录失败',
  'token.add': '新建 API 令牌',
  'token.revoke': '撤销 API 令牌',
};

/** The Chinese label of an action key (the key itself when it has none). */
export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;

/** Who an entry names: `姓名（login）` for a user, the door otherwise. */
export function actorLabel(e: Pick<AuditEntry, 'actor' | 'actorName'>): string {
  if (e.actorName) return `${e.actorName}（${e.actor}）`;
  const doors: Record<string, string> = { system: '系统', cli: '命令行', web: '网页（未登录）', api: 'API（未登录）', anonymous: '匿名' };
  return doors[e.actor] ?? e.actor;
}

/** An amount of fen as 元 with two decimals (string arithmetic: no binary fractions). */
function yuan(fen: unknown): string {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen)) return String(fen);
  const s = String(Math.abs(fen)).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${s.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',')}.${s.slice(-2)} 元`;
}

/** What an entry's detail says, in one Chinese line (the web page and `fiscus log list`). */
export function auditSummary(e: Pick<AuditEntry, 'action' | 'detail'>): string {
  const d = e.detail;
  const str = (k: string) => {
    const v = d[k];
    if (v === null || v === undefined) return '';
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  };
  const count = (k: string) => (Array.isArray(d[k]) ? (d[k] as unknown[]).length : 0);
  switch (e.action) {
    case 'budget.import':
      return `第 ${str('version')} 版${d['created'] ? '（新建预算）' : ''}，文件 ${str('file')}`;
    case 'budget.edit':
      return `第 ${str('version')} 版（修改自第 ${str('baseVersion')} 版），项目申报表 ${str('formId')}`;
    case 'payments.import':
      return `文件 ${str('file')}：${str('imported')} 笔，合计 ${yuan(d['totalFen'])}${d['replaced'] ? `（替换原有 ${str('replaced')} 笔）` : ''}`;
    case 'payment.add':
    case 'payment.delete':
      return `支付 ${str('paymentId')}：${str('formId')}，${str('date')}，${yuan(d['fen'])}`;
    case 'budget.adjust':
      return `调整 ${str('adjustmentId')}：${str('formId')}，${yuan(d['fen'])}，${str('reason')}`;
    case 'budget.submit':
    case 'budget.return':
    case 'budget.review':
    case 'budget.approve':
    case 'budget.publish': {
      const state = (k: string) => STATE_LABELS[str(k) as State] ?? str(k);
      return `第 ${str('version')} 版：${state('from')} → ${state('to')}${d['reason'] ? `，理由：${str('reason')}` : ''}`;
    }
    case 'waiver.add':
      return `${str('rule')}：${str('reason')}${d['expiresAt'] ? `（有效至 ${str('expiresAt')}）` : ''}`;
    case 'waiver.revoke':
      return `豁免 ${str('waiver')}`;
    case 'budget.upload-staged':
      return `文件 ${str('file')}（基于第 ${str('baseVersion')} 版，待确认）`;
    case 'monitoring.save':
      return `${str('owner')}：截至 ${str('asOf')}，${count('entries')} 项指标`;
    case 'evaluation.save':
      return `${str('owner')}：${count('actuals')} 项指标`;
    case 'org.add':
      return `${str('name')}${d['parent'] ? `（上级：${str('parent')}）` : ''}`;
    case 'user.add':
      return `${str('login')}（${str('displayName')}，${ROLE_LABELS[str('role') as Role] ?? str('role')}，${str('organisation')}）`;
    case 'user.signin-failed':
      return `${str('login')}：${d['reason'] === 'disabled' ? '账户已停用' : '密码错误'}${d['lockedUntil'] ? `，锁定至 ${str('lockedUntil')}` : ''}`;
    case 'token.add':
    case 'token.revoke':
      return `${str('login')} 的令牌（${str('name')}，${str('prefix')}…）`;
    default:
      return str('login') || JSON.stringify(d);
  }
}

const REASONS: Record<audit.AuditBreak, string> = {
  hash: '记录内容与其哈希不符（该条记录被修改过）',
  prev: '前一哈希与上一条记录的哈希不符（上一条记录被替换，或从此处起被改写）',
  gap: '此前缺少记录（有记录被删除）',
};

/** The Chinese sentence naming the first broken entry of a failed verification. */
export function brokenSentence(v: Extract<AuditVerification, { ok: false }>): string {
  const e = v.entry;
  const gap = v.reason === 'gap' ? `（应为第 ${v.expectedId} 条，缺少第 ${v.expectedId}${e.id - 1 > (v.expectedId ?? 0) ? `–${e.id - 1}` : ''} 条）` : '';
  return `审计日志第 ${e.id} 条记录校验失败${gap}：${REASONS[v.reason]}；该条记录：${e.at}，${e.actor}，${actionLabel(e.action)}（${e.action}），对象 ${e.target}。此前 ${v.count} 条记录完好`;
}

/** The audit log of a workspace. */
export interface AuditLog {
  /** Entries, oldest first (or the newest `limit` first with `newestFirst`). */
  list(q?: audit.AuditQuery): Promise<AuditEntry[]>;
  /** A budget's entries, oldest first; NOT_FOUND for an id that cannot be a budget's. */
  budgetHistory(budgetId: string, q?: Omit<audit.AuditQuery, 'target'>): Promise<AuditEntry[]>;
  /** Recomputes the whole chain: ok with the count, or the first broken entry and why. */
  verify(): Promise<AuditVerification>;
  /**
   * verify, throwing AUDIT_BROKEN naming the first broken entry when the chain is broken. With an
   * `anchor` (an entry's id and hash recorded outside the database earlier, as `verify` prints it),
   * also AUDIT_BROKEN when that entry is gone (the log was cut after it: a chain alone cannot tell)
   * or has another hash (the log was rewritten whole from there).
   */
  check(anchor?: AuditAnchor): Promise<Extract<AuditVerification, { ok: true }>>;
}

/** An entry's id and hash, recorded outside the database (`编号:哈希`, as `fiscus log verify` prints it). */
export interface AuditAnchor {
  id: number;
  hash: string;
}

/** Reads `编号:哈希` (`12:9f…`, 64 hex digits); INPUT_INVALID otherwise. */
export function parseAnchor(s: string): AuditAnchor {
  const m = /^(\d{1,12}):([0-9a-f]{64})$/i.exec(s.trim());
  if (!m || Number(m[1]) < 1) throw new FiscusError('INPUT_INVALID', `锚点应为"编号:哈希"（如 12:后接 64 位十六进制哈希），实为 ${JSON.stringify(s.slice(0, 80))}`, { field: 'anchor' });
  return { id: Number(m[1]), hash: m[2]!.toLowerCase() };
}

/** The audit log of a workspace. */
export function auditLogOf(ws: Workspace): AuditLog {
  const db = () => connectionOf(ws).db;
  const verify = () => audit.verifyAudit(db());
  return {
    list: (q = {}) => audit.listAudit(db(), q),
    budgetHistory: (budgetId, q = {}) => audit.listAudit(db(), { ...q, target: budgetTarget(documentIdOf(budgetId)) }),
    verify,
    async check(anchor) {
      const v = await verify();
      if (!v.ok) throw new FiscusError('AUDIT_BROKEN', brokenSentence(v), { field: `audit_log.${v.entry.id}` });
      if (anchor) {
        const [e] = await audit.listAudit(db(), { afterId: anchor.id - 1, limit: 1 });
        if (!e || e.id !== anchor.id) {
          throw new FiscusError('AUDIT_BROKEN', `审计日志缺少锚点第 ${anchor.id} 条记录：现仅有 ${v.count} 条（第 ${v.lastId ?? 0} 条之后的记录被删除）`, { field: `audit_log.${anchor.id}` });
        }
        if (e.hash !== anchor.hash) {
          throw new FiscusError('AUDIT_BROKEN', `审计日志第 ${anchor.id} 条记录的哈希与锚点不符：应为 ${anchor.hash.slice(0, 16)}…，实为 ${e.hash.slice(0, 16)}…（日志自此条或更早起被整体改写）`, {
            field: `audit_log.${anchor.id}`,
          });
        }
      }
      return v;
    },
  };
}
