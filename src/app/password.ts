/**
 * Password hashing with node:crypto scrypt (RFC 7914): a random 16-byte salt per password, the cost in
 * the stored string (so it can be raised later and old hashes still verify), and a constant-time
 * comparison. Stored as `scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>`.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { FiscusError } from '../domain/errors.js';

/** The cost of new hashes: N = 2^15, r = 8, p = 1 (32 MiB, OWASP's scrypt recommendation). */
export const SCRYPT_COST = { log2N: 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** log2N;
  // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is exactly that at N = 2^15, r = 8.
  const opts: ScryptOptions = { N, r, p, maxmem: 128 * N * r * p + 1024 * 1024 };
  return new Promise((ok, fail) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, opts, (e, key) => (e ? fail(e) : ok(key))));
}

/** The stored form of a new password. */
export async function hashPassword(password: string, cost: { log2N: number; r: number; p: number } = SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost.log2N, cost.r, cost.p);
  return ['scrypt', cost.log2N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

const STORED = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/=]{16,})\$([A-Za-z0-9+/=]{40,})$/;

/** Whether `password` matches a stored hash. INTERNAL when the stored string is not one of ours. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = STORED.exec(stored);
  const [log2N, r, p] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  if (!m || log2N < 10 || log2N > 20 || r < 1 || r > 32 || p < 1 || p > 16) throw new FiscusError('INTERNAL', '存储的密码散列格式无法识别');
  const want = Buffer.from(m[5]!, 'base64');
  const got = await derive(password, Buffer.from(m[4]!, 'base64'), log2N, r, p);
  return got.length === want.length && timingSafeEqual(got, want);
}
