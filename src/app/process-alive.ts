/** Whether a process runs: the storage lock's check, for the CLI's temp-file sweep (the CLI reaches storage through app). */
export { processAlive } from '../storage/lock.js';
