/**
 * Uploading through the web or the API (issue 13): a file for a unit, year and kind that has no budget
 * yet is imported at once; one that already has versions is not stored as the next version silently
 * (which would replace the fixes made since): it waits, with its differences from the latest version,
 * until the uploader confirms it (it then becomes a new draft) or discards it.
 */
import { FiscusError } from '../domain/errors.js';
import type { BudgetDocument } from '../domain/model.js';
import type { Db } from '../storage/connection.js';
import * as wf from '../storage/workflow-repo.js';
import { checkStorable } from '../storage/repository.js';
import { appendAudit } from '../storage/audit-log-repo.js';
import { authorOf, type User } from './accounts.js';
import { parsePool } from './isolation/pool.js';
import { connectionOf, diffDocuments, documentIdOf, type Finding, type StoredVersion, type VersionDiff, type Workspace } from './workspace.js';

export type UploadResult =
  { kind: 'stored'; stored: StoredVersion } | { kind: 'staged'; budgetId: string; stagedId: number; baseVersion: number; diff: Pick<VersionDiff, 'amounts' | 'added' | 'removed'> };

export interface StagedView {
  budgetId: string;
  stagedId: number;
  fileName: string;
  author: string | null;
  createdAt: string;
  baseVersion: number;
  /** The latest version now (a confirmation is refused once it is no longer `baseVersion`). */
  latestVersion: number;
  doc: BudgetDocument;
  findings: Finding[];
  diff: Pick<VersionDiff, 'amounts' | 'added' | 'removed'>;
}

export function stagingOf(ws: Workspace): Staging {
  return new Staging(ws);
}

export class Staging {
  constructor(private readonly ws: Workspace) {}

  private get db(): Db {
    return connectionOf(this.ws).db;
  }

  /**
   * Reads and checks an upload by `user` (who must belong to an organisation the budget is, or will
   * be, its own); imports it when it starts a budget, stages it when the budget exists.
   */
  async upload(user: User, bytes: Uint8Array, fileName: string, onExisting: 'stage' | 'refuse' | 'add' = 'stage'): Promise<UploadResult> {
    const checked = await parsePool().importChecked(bytes, fileName, {});
    const { doc } = checked;
    // A file that could never be stored is refused before anything is asked of the user.
    checkStorable(doc);
    const existing = await wf.findByKey(this.db, doc.unit.name, doc.year, doc.kind);
    await wf.checkClaim(this.db, doc.unit.name, existing?.org, user.organisation.id);
    const opts = { author: authorOf(user), actor: user.login, organisationId: user.organisation.id };
    if (!existing || onExisting === 'add') return { kind: 'stored', stored: await this.ws.importChecked(checked, fileName, opts) };
    const base = await this.ws.getDocument(String(existing.id), existing.latest);
    if (onExisting === 'refuse') {
      const d = diffDocuments(base, doc);
      throw new FiscusError(
        'CONFLICT',
        `${doc.unit.name} ${doc.year} 年的这份预算已有 ${existing.latest} 个版本（预算 ${existing.id}）；本文件与第 ${existing.latest} 版相比改动 ${d.amounts.length} 个金额、新增 ${d.added.length} 项、删除 ${d.removed.length} 项。确认作为新版本请加参数 replace=true`,
        { field: 'replace' },
      );
    }
    const stagedId = await this.db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const sid = await wf.insertStaged(t, { documentId: existing.id, baseVersion: existing.latest, fileName, bytes, userId: user.id, author: authorOf(user), createdAt: new Date().toISOString() });
      await appendAudit(t, { actor: user.login, action: 'budget.upload-staged', target: `budget:${existing.id}`, detail: { staged: sid, file: fileName, baseVersion: existing.latest } });
      return sid;
    });
    return { kind: 'staged', budgetId: String(existing.id), stagedId, baseVersion: existing.latest, diff: diffDocuments(base, doc) };
  }

  private async record(id: string, stagedId: number): Promise<wf.StagedRecord> {
    const r = await wf.selectStaged(this.db, documentIdOf(id), stagedId);
    if (!r) throw new FiscusError('NOT_FOUND', `预算 ${id} 没有待确认的上传 ${stagedId}（可能已确认或放弃）`);
    return r;
  }

  /** A staged upload with its differences from the version it was compared against. */
  async view(id: string, stagedId: number): Promise<StagedView> {
    const r = await this.record(id, stagedId);
    const [{ doc, findings }, base, budget] = await Promise.all([parsePool().importChecked(r.bytes, r.fileName, {}), this.ws.getDocument(id, r.baseVersion), this.ws.getBudget(id)]);
    return {
      budgetId: id,
      stagedId,
      fileName: r.fileName,
      author: r.author,
      createdAt: r.createdAt,
      baseVersion: r.baseVersion,
      latestVersion: budget.latestVersion,
      doc,
      findings,
      diff: diffDocuments(base, doc),
    };
  }

  /**
   * Imports a staged upload as the budget's next version (a draft). CONFLICT when a version was added
   * after the upload was compared (its differences would no longer be what the user confirmed).
   */
  async confirm(user: User, id: string, stagedId: number): Promise<StoredVersion> {
    const r = await this.record(id, stagedId);
    const budget = await this.ws.getBudget(id);
    if (budget.latestVersion !== r.baseVersion) {
      throw new FiscusError('CONFLICT', `预算 ${id} 在上传后又有了第 ${budget.latestVersion} 版，与上传比较的是第 ${r.baseVersion} 版；请重新上传`);
    }
    const stored = await this.ws.importDocument(r.bytes, r.fileName, {
      author: authorOf(user),
      actor: user.login,
      organisationId: user.organisation.id,
      note: `导入 ${r.fileName}（确认替换第 ${r.baseVersion} 版）`,
    });
    await wf.deleteStaged(this.db, documentIdOf(id), stagedId);
    return stored;
  }

  async discard(user: User, id: string, stagedId: number): Promise<void> {
    await this.record(id, stagedId);
    await this.db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      await wf.deleteStaged(t, documentIdOf(id), stagedId);
      await appendAudit(t, { actor: user.login, action: 'budget.upload-discarded', target: `budget:${documentIdOf(id)}`, detail: { staged: stagedId } });
    });
  }
}
