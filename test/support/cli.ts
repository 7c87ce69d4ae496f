/**
 * `fiscus …` as a user types it: a child process of bin/fiscus.js on the embedded database (never a
 * DATABASE_URL of the environment), with standard input, exit code and both outputs. FISCUS_ADMIN_PASSWORD
 * reaches it only when the test gives one.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/fiscus.js', import.meta.url));

export function runCli(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<{ code: number; out: string; err: string }> {
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env };
  delete env['DATABASE_URL'];
  if (!opts.env?.['FISCUS_ADMIN_PASSWORD']) delete env['FISCUS_ADMIN_PASSWORD'];
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => resolve({ code: code ?? 99, out, err }));
    p.stdin.end(opts.input ?? '');
  });
}
