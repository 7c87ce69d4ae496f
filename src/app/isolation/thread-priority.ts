/**
 * Whether the process's parser threads run in the background (below its other threads: pool.ts). A
 * server's do, so that parsing never holds up the thread answering requests; a command that only waits
 * for its parse (`fiscus validate`, `import`, `report` …) runs them at its own priority. Its own small
 * module so that the CLI's entry can choose before any command loads the pool (and piscina).
 */
let background = true;

/** Parser threads started from now on run at the process's own priority (a command waiting for them). */
export function parseInForeground(): void {
  background = false;
}

/** True unless `parseInForeground` was called. */
export function parsingInBackground(): boolean {
  return background;
}
