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
    // A command that has not ended within 5 minutes is killed and reported (code 99), never left to stall the suite.
    const timer = setTimeout(() => {
      err += `\n[test] fiscus ${args.join(' ')} did not end within 300 s; killed`;
      p.kill('SIGKILL');
    }, 300_000);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 99, out, err });
    });
    p.stdin.end(opts.input ?? '');
  });
}
