import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one read-only request (GET or HEAD) reads of a budget, read once for the whole request: the
 * permission check (route-policy.ts, workflow.ts), the page or API answer (workspace.ts) and the version
 * it loads all ask for the same budget's record, and each read is a statement (on PGlite, the
 * statements of all requests take turns on one thread). A read-only request writes nothing, so what it
 * read at its start is what the database says until it ends; nothing outlives the request, so several
 * server processes on one PostgreSQL stay consistent. Writes (POST, PATCH, PUT, DELETE) read afresh.
 */
const reads = new AsyncLocalStorage<WeakMap<object, Map<string, Promise<unknown>>>>();

/** Runs the handling of a request (`next`) with its reads kept when `method` is GET or HEAD. */
export function readOncePerRequest<T>(method: string, next: () => T): T {
  return method === 'GET' || method === 'HEAD' ? reads.run(new WeakMap(), next) : next();
}

/** Whether the running code handles a read-only request. */
export function inReadOnlyRequest(): boolean {
  return reads.getStore() !== undefined;
}

/**
 * `read()`, or within a read-only request the answer of its first `read()` for the same database and
 * key. A read that fails is not kept.
 */
export function readOnce<T>(db: object, key: string, read: () => Promise<T>): Promise<T> {
  const memo = reads.getStore();
  if (!memo) return read();
  let byKey = memo.get(db);
  if (!byKey) memo.set(db, (byKey = new Map<string, Promise<unknown>>()));
  let p = byKey.get(key) as Promise<T> | undefined;
  if (!p) {
    p = read();
    const kept = byKey;
    p.catch(() => kept.delete(key));
    byKey.set(key, p);
  }
  return p;
}
