/**
 * Worker thread of `fiscus audit`: imports and checks one document per message and posts back a
 * compact result (never the whole document). Runs TypeScript through tsx (`execArgv: ['--import', 'tsx']`).
 */
import { parentPort } from 'node:worker_threads';
import { auditOne } from './audit.js';

parentPort?.on('message', async (msg: { id: number; file: string; name: string }) => {
  const entry = await auditOne(msg.file, msg.name);
  parentPort!.postMessage({ id: msg.id, entry });
});
