/**
 * Worker thread of `fiscus audit`: imports and checks one document per message and posts back a
 * compact result (never the whole document). Messages are worked through one at a time in the order
 * they arrive (the pool sends a document ahead so that the thread never waits between two, and knows
 * which one a crash cost). Started by `startAuditWorker` (audit.ts).
 */
import { parentPort } from 'node:worker_threads';
import { auditOne } from './audit.js';

let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (msg: { id: number; file: string; name: string }) => {
  queue = queue.then(async () => {
    const entry = await auditOne(msg.file, msg.name, { readSync: true });
    parentPort!.postMessage({ id: msg.id, entry });
  });
});
