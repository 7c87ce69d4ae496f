/**
 * A seeded, reproducible fuzzer of the HTTP surface: every API route of the OpenAPI description and
 * every web route, with hostile path parameters, queries, headers and bodies (mutations of valid
 * bodies, random JSON, broken multipart, random and truncated files). Inputs come from fast-check's
 * generators, drawn from one seed; the same seed gives the same requests.
 *
 * Every route asks for a signed-in user since issue 13: the requests come as a mix of the public
 * (no credential, or a forged one that names nobody) and the signed-in users given (API token and web
 * session of each, from this server's own origin), so that the handlers behind the authorisation are
 * reached too. The web routes are those of the route table (src/app/route-policy.ts), whole.
 *
 * A run fails on any 5xx, on a request that takes longer than its limit, on a write by the public
 * that succeeds (an unsafe method answered below 400; signing in and out aside) or a session cookie
 * given to the public, on a cross-site form post that is not refused (a page of another site making a
 * signed-in user's browser post a form: a foreign Origin or Sec-Fetch-Site, or none at all, with the
 * user's session cookie; it must answer 4xx, never a success or a 5xx: src/app/http-security.ts), and on a health probe (GET /api/v1/health: touches neither the database nor
 * the parser pool) slower than one second; the probe runs on its own timer throughout, so a request
 * that blocks the event loop is seen even while it is in flight.
 */
import fc from 'fast-check';
import { ROUTE_POLICIES } from '../../src/app/route-policy.js';

export interface FuzzOptions {
  url: string;
  seed: number;
  count: number;
  /** Concurrent requests in flight. */
  concurrency?: number;
  /** Wall-clock limit of one request (ms). */
  requestTimeoutMs?: number;
  /** Files that make valid uploads (mutated and truncated by the fuzzer). */
  samples?: Array<{ name: string; bytes: Uint8Array }>;
  /**
   * Signed-in users whose credentials go on part of the requests; the first one reads the budget the
   * requests are built from (its 经办). None: every request is the public's.
   */
  users?: FuzzUser[];
  log?: (line: string) => void;
}

/** A user of the server under fuzz: an API token and web sessions. */
export interface FuzzUser {
  login: string;
  token: string;
  /** The web session of every request but POST /logout. */
  session: string;
  /** The web session that POST /logout ends (so that signing out does not end `session`). */
  logoutSession: string;
}

export interface FuzzFailure {
  request: string;
  status: number | 'timeout' | 'network';
  detail: string;
}

/** Who sent a request: 'anonymous' (the public), 'forged' (the public with a forged credential), or a user's login. */
export type Sender = string;

export interface FuzzResult {
  requests: number;
  byStatus: Record<string, number>;
  /** Statuses per sender (`anonymous`, `forged`, each login). */
  bySender: Record<Sender, Record<string, number>>;
  /** Unsafe requests of the public (anonymous or forged), signing in and out aside; none may succeed. */
  publicWrites: number;
  /** Cross-site form posts (sender `cross-site`) by status; each must be refused (4xx). */
  crossSite: Record<string, number>;
  failures: FuzzFailure[];
  slowestMs: number;
  /** The five slowest requests. */
  slowest: Array<{ request: string; ms: number; status: number | string }>;
  probes: number;
  slowestProbeMs: number;
  failedProbes: number;
  seconds: number;
}

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array | string;
  sender: Sender;
  /** A form post from another site (or from nowhere) that must be refused. */
  crossSite?: boolean;
}

const enc = new TextEncoder();

/** Any generated value as text (generated objects may have no prototype, so no String()). */
function str(x: unknown): string {
  if (typeof x === 'string') return x;
  try {
    return JSON.stringify(x) ?? 'undefined';
  } catch {
    return 'x';
  }
}

/** Path-parameter values: valid ones of the sample, near misses and hostile ones. */
function idArb(valid: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...valid) },
    fc.constantFrom('0', '-1', '2147483648', '9007199254740993', '1e3', '0x10', '01', ' 1', '1.5', 'NaN', 'null', '%00', '..%2F..%2Fetc%2Fpasswd', '%E4%B8%AD', '%zz', "1'--", '<script>'),
    fc.string({ maxLength: 40 }).map((s) => encodeURIComponent(s)),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  );
}

/** A JSON-ish value that stresses parsers: deep nesting, huge numbers, lone surrogates, long strings. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, 0.1, '', '\ud800', '\udfff', '=1+1', '2021-02-30', '9999-99-99', 'NaN', '1e999', '٣'),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.integer(),
  fc.double(),
  fc.string({ minLength: 500, maxLength: 3000 }),
);

const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, nasty, fc.array(tie('v'), { maxLength: 6 }), fc.dictionary(fc.string({ maxLength: 12 }), tie('v'), { maxKeys: 6 })),
})).v;

/** Replaces, removes or adds one value somewhere in a valid body. */
function mutate(valid: unknown, rnd: () => number, pick: () => unknown): unknown {
  const copy = structuredClone(valid);
  const paths: Array<Array<string | number>> = [];
  const walk = (x: unknown, p: Array<string | number>) => {
    paths.push(p);
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, [...p, i]));
    else if (x && typeof x === 'object') for (const [k, y] of Object.entries(x)) walk(y, [...p, k]);
  };
  walk(copy, []);
  const p = paths[Math.floor(rnd() * paths.length)]!;
  if (p.length === 0) return pick();
  let parent = copy as Record<string | number, unknown>;
  for (const k of p.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = p[p.length - 1]!;
  const r = rnd();
  if (r < 0.2) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (r < 0.3 && !Array.isArray(parent)) parent[`x${Math.floor(rnd() * 99)}`] = pick();
  else parent[last] = pick();
  return copy;
}

function multipart(parts: Array<{ name: string; filename?: string; type?: string; data: Uint8Array | string }>, boundary: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(enc.encode(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    chunks.push(typeof p.data === 'string' ? enc.encode(p.data) : p.data);
    chunks.push(enc.encode('\r\n'));
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** What the sample server holds, read once: budget, versions, tables, forms, valid bodies. */
interface Valid {
  ids: string[];
  tables: string[];
  forms: string[];
  versions: string[];
  patch: unknown;
  payment: unknown;
  monitoring: unknown;
  evaluation: unknown;
  apiRoutes: Array<{ method: string; path: string }>;
}

async function discover(url: string, reader: FuzzUser | undefined): Promise<Valid> {
  const get = async (p: string) => {
    const r = await fetch(url + p, { headers: reader ? { authorization: `Bearer ${reader.token}` } : {} });
    if (!r.ok) throw new Error(`fuzz setup: GET ${p} → ${r.status}`);
    return r.json() as Promise<Record<string, unknown>>;
  };
  const spec = await get('/openapi.json');
  const apiRoutes = Object.entries(spec['paths'] as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
  const list = (await get('/api/v1/budgets')) as unknown as Array<{ id: string; latestVersion: number }>;
  const b = list[0];
  if (!b) throw new Error('fuzz setup: the server holds no budget (start it on the bundled sample)');
  const tables = ((await get(`/api/v1/budgets/${b.id}/tables`)) as unknown as Array<{ id?: string; no?: number }>).map((t, i) => t.id ?? `t${i + 1}`);
  const projects = (await get(`/api/v1/budgets/${b.id}/projects`))['projects'] as Array<{ id: string }>;
  const forms = projects.map((p) => p.id);
  const form = (await get(`/api/v1/budgets/${b.id}/projects/${forms[0]}`))['form'] as { disbursement: Array<{ quarter: number; amount: { fen: number } }>; indicators: unknown[] };
  return {
    ids: [b.id],
    tables,
    forms,
    versions: Array.from({ length: b.latestVersion }, (_, i) => String(i + 1)),
    patch: { baseVersion: b.latestVersion, disbursement: form.disbursement.map((q) => ({ quarter: q.quarter, amount: { fen: q.amount.fen } })) },
    payment: { project: forms[0], date: '2021-03-15', fen: 120_000, voucher: '记-001', payee: '某公司' },
    monitoring: { owner: forms[0], asOf: '2021-08-31', entries: [{ idx: 0, actualToDate: '50%', likelihood: null, reason: null, action: null }] },
    evaluation: { owner: forms[0], actuals: [{ idx: 0, value: '100', band: null, notApplicable: false, reason: null, correction: null }] },
    apiRoutes,
  };
}

/** The web routes (HTML pages and form posts) of the route table, beside the API routes of the OpenAPI description. */
const isApi = (path: string) => path.startsWith('/api/');
const webRoutes = (method: string) => ROUTE_POLICIES.filter(([m, path]) => m === method && !isApi(path)).map(([, path]) => path.replace(/:(\w+)/g, '{$1}'));
const WEB_GET = [...webRoutes('GET'), '/{junk}'];
const WEB_POST = webRoutes('POST');

/** Posts that the public may make and that may succeed: signing in and out. */
const PUBLIC_POSTS = new Set(['/login', '/logout']);

function requests(v: Valid, seed: number, count: number, samples: Array<{ name: string; bytes: Uint8Array }>, users: FuzzUser[], url: string): Req[] {
  const id = idArb(v.ids);
  const params: Record<string, fc.Arbitrary<string>> = {
    id,
    table: idArb(v.tables),
    formId: idArb(v.forms),
    v: idArb(v.versions),
    paymentId: idArb(['1', '2']),
    pid: idArb(['1', '2']),
    action: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('submit', 'return', 'review', 'approve', 'publish') },
      fc.constantFrom('withdraw', 'SUBMIT', '%00', '..%2Fsubmit'),
      fc.string({ maxLength: 20 }).map(encodeURIComponent),
    ),
    waiver: idArb(['1', '2']),
    staged: idArb(['1', '2']),
    file: fc.constantFrom('budget.pdf', 'budget.xlsx', 'budget.html', 'tables.csv', 'budget.exe', '..%2Fpackage.json', 'x'.repeat(300)),
    name: fc.constantFrom('app.css', 'echarts.min.js', '..%2Fpackage.json', '%2e%2e%2fsecret', 'x'.repeat(300)),
    junk: fc.string({ maxLength: 30 }).map(encodeURIComponent),
  };
  const query = fc.dictionary(
    fc.constantFrom('v', 'version', 'a', 'b', 'severity', 'table', 'row', 'asOf', 'by', 'year', 'unit', 'name', 'replace', 'from', 'to', 'q'),
    fc.oneof(fc.constantFrom('1', '2', '0', '-1', '2147483648', 'error', 'true', '2021-02-30', '2021-08-31', 'function', '%', '\u0000'), fc.string({ maxLength: 20 })),
    { maxKeys: 4 },
  );
  const route = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...v.apiRoutes) },
    { weight: 2, arbitrary: fc.constantFrom(...WEB_GET).map((path) => ({ method: 'GET', path })) },
    { weight: 2, arbitrary: fc.constantFrom(...WEB_POST).map((path) => ({ method: 'POST', path })) },
    { weight: 1, arbitrary: fc.record({ method: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), path: fc.constantFrom(...WEB_GET, ...v.apiRoutes.map((r) => r.path)) }) },
  );
  const validBody = (path: string): unknown =>
    /projects\/\{formId\}$/.test(path)
      ? v.patch
      : /payments$/.test(path)
        ? v.payment
        : /monitoring$/.test(path)
          ? v.monitoring
          : /evaluation$/.test(path)
            ? v.evaluation
            : /budgets$/.test(path)
              ? { schema: 'fiscus/budget-document@1' }
              : {};
  const file = fc.oneof(
    ...(samples.length
      ? [
          fc.record({ s: fc.constantFrom(...samples), cut: fc.double({ min: 0, max: 1, noNaN: true }), flip: fc.nat(), keep: fc.boolean() }).map(({ s, cut, flip, keep }) => {
            const b = keep ? s.bytes.slice() : s.bytes.slice(0, Math.floor(s.bytes.length * cut));
            const at = b.length > 0 ? flip % b.length : -1;
            if (at >= 0 && !keep) b[at] = b[at]! ^ 0xff;
            return { name: s.name, bytes: b };
          }),
        ]
      : []),
    fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ name: 'x.pdf', bytes })),
    fc.string({ maxLength: 2000 }).map((s) => ({ name: 'x.txt', bytes: enc.encode(s) })),
    fc.constantFrom('a.csv', 'b.xlsx', 'c.json', '', '../../x.txt', '=cmd|x.csv').map((name) => ({ name, bytes: enc.encode('日期,项目,金额\n2021-02-30,form-1,1e400\n') })),
  );
  // Who sends it (issue 13): the public, with no credential or a forged one (a session cookie or an
  // Authorization header that names nobody), or a signed-in user (token and session; from this
  // server's own origin, as a browser on its pages, or now and then from nowhere: a CSRF-less post).
  type Credential = { sender: Sender; headers: Record<string, string>; logout?: Record<string, string> };
  const forged: fc.Arbitrary<Credential> = fc.oneof(
    fc.constantFrom('forged', '', 'x'.repeat(5000), 'A'.repeat(43), "'; DROP TABLE sessions;--", '%00').map((v) => ({ sender: 'forged', headers: { cookie: `fiscus_session=${v}` } })),
    fc
      .constantFrom('Bearer ', 'Bearer fiscus_x', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'a'.repeat(300)}`, `bearer  fiscus_${'A'.repeat(43)}`, 'Bearer fiscus_ fiscus_')
      .map((v) => ({ sender: 'forged', headers: { authorization: v } })),
  );
  const signedIn: fc.Arbitrary<Credential>[] = users.length
    ? [
        fc.record({ u: fc.constantFrom(...users), sameOrigin: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }).map(({ u, sameOrigin }) => {
          const origin: Record<string, string> = sameOrigin ? { origin: url } : {};
          return {
            sender: u.login,
            headers: { authorization: `Bearer ${u.token}`, cookie: `fiscus_session=${u.session}`, ...origin },
            logout: { authorization: `Bearer ${u.token}`, cookie: `fiscus_session=${u.logoutSession}`, ...origin },
          };
        }),
      ]
    : [];
  // A page of another site making a signed-in user's browser post (CSRF): the user's session cookie,
  // an Origin or Sec-Fetch-Site that is not this server's, or neither (a CSRF-less post); always a form body.
  const crossSite: fc.Arbitrary<Credential> = fc
    .record({
      cookie: users.length ? fc.constantFrom(...users.map((u) => `fiscus_session=${u.session}`)) : fc.constant('fiscus_session=forged'),
      from: fc.constantFrom<Record<string, string>>(
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: url.replace(/:(\d+)$/, (_, p: string) => `:${Number(p) + 1}`) },
        { origin: url.replace('http://', 'https://') },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
        { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
        {},
        {},
      ),
    })
    .map(({ cookie, from }) => ({ sender: 'cross-site', headers: { cookie, ...from } }));
  const credential: fc.Arbitrary<Credential> = users.length
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constant({ sender: 'anonymous', headers: {} }) },
        { weight: 2, arbitrary: forged },
        { weight: 5, arbitrary: signedIn[0]! },
        { weight: 2, arbitrary: crossSite },
      )
    : fc.oneof({ weight: 4, arbitrary: fc.constant({ sender: 'anonymous', headers: {} }) }, { weight: 2, arbitrary: forged }, { weight: 1, arbitrary: crossSite });
  const gen = fc.record({
    route,
    credential,
    params: fc.record(params),
    query,
    file,
    pick: jsonish,
    rnd: fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 8, maxLength: 8 }),
    shape: fc.nat(9),
    boundary: fc.string({ minLength: 1, maxLength: 20 }),
  });
  return fc.sample(gen, { seed, numRuns: count }).map((g) => {
    let i = 0;
    const rnd = () => g.rnd[i++ % g.rnd.length]!;
    const path = g.route.path.replace(/\{(\w+)\}/g, (_, k: string) => g.params[k as keyof typeof g.params] ?? 'x');
    const qs = new URLSearchParams(g.query).toString();
    const logout = g.route.method === 'POST' && g.route.path === '/logout' && g.credential.logout;
    const req: Req = { method: g.route.method, path: path + (qs ? `?${qs}` : ''), headers: { ...(logout || g.credential.headers) }, sender: g.credential.sender };
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return req;
    const upload = /upload|import|payments$|\/budgets$/.test(g.route.path);
    switch (g.shape) {
      case 0:
      case 1:
      case 2: {
        req.headers['content-type'] = 'application/json';
        req.body = JSON.stringify(mutate(validBody(g.route.path), rnd, () => g.pick));
        break;
      }
      case 3:
        req.headers['content-type'] = 'application/json';
        req.body = JSON.stringify(g.pick) ?? 'null';
        break;
      case 4:
        req.headers['content-type'] = 'application/json';
        req.body = '{"a":' + '['.repeat(5000) + ']'.repeat(4999);
        break;
      case 5:
      case 6: {
        const b = `----fuzz${Math.floor(rnd() * 1e9)}`;
        req.headers['content-type'] = `multipart/form-data; boundary=${b}`;
        req.body = multipart(
          [
            { name: upload ? 'file' : 'q1', filename: g.file.name, type: 'application/octet-stream', data: g.file.bytes },
            { name: 'baseVersion', data: str(g.pick) },
          ],
          b,
        );
        break;
      }
      case 7: {
        // A broken multipart body: a boundary that never comes, a part without its headers' end.
        req.headers['content-type'] = `multipart/form-data; boundary=${g.boundary}`;
        req.body = `--${g.boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''%E4%zz.pdf\r\n${'x'.repeat(Math.floor(rnd() * 500))}`;
        break;
      }
      case 8:
        req.headers['content-type'] = 'application/x-www-form-urlencoded';
        req.body = new URLSearchParams({
          baseVersion: str(g.pick),
          op: str(g.pick).slice(0, 20),
          q1: '1e400',
          q2: '-0',
          q3: '\ud800',
          q4: '9'.repeat(40),
          date: '2021-02-30',
          fen: '9007199254740993',
          amount: '1,2,3',
        }).toString();
        break;
      default:
        req.headers['content-type'] = upload ? 'text/csv' : 'text/plain';
        req.body = g.file.bytes;
    }
    if (g.credential.sender === 'cross-site') {
      // What a form of another site can send: urlencoded, multipart or text/plain, or no type at all.
      req.crossSite = true;
      const kind = g.shape % 4;
      if (kind === 0) {
        req.headers['content-type'] = 'application/x-www-form-urlencoded';
        req.body = new URLSearchParams({ baseVersion: '1', q1: '1', date: '2021-03-15', amount: '1.00', login: 'admin', password: 'x', reason: '跨站', replace: '1' }).toString();
      } else if (kind === 1) {
        const b = `----csrf${Math.floor(rnd() * 1e9)}`;
        req.headers['content-type'] = `multipart/form-data; boundary=${b}`;
        req.body = multipart(
          [
            { name: 'file', filename: g.file.name, type: 'application/octet-stream', data: g.file.bytes },
            { name: 'replace', data: '1' },
          ],
          b,
        );
      } else if (kind === 2) {
        req.headers['content-type'] = 'text/plain;charset=UTF-8';
        req.body = 'a=1';
      } else {
        delete req.headers['content-type'];
        req.body = 'a=1';
      }
    }
    return req;
  });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Runs `count` requests against a server that holds the bundled sample. */
export async function runHttpFuzz(o: FuzzOptions): Promise<FuzzResult> {
  const t0 = performance.now();
  const timeout = o.requestTimeoutMs ?? 30_000;
  const users = o.users ?? [];
  const v = await discover(o.url, users[0]);
  const reqs = requests(v, o.seed, o.count, o.samples ?? [], users, o.url);
  const res: FuzzResult = {
    requests: 0,
    byStatus: {},
    bySender: {},
    publicWrites: 0,
    crossSite: {},
    failures: [],
    slowestMs: 0,
    slowest: [],
    probes: 0,
    slowestProbeMs: 0,
    failedProbes: 0,
    seconds: 0,
  };
  let stop = false;
  const probe = (async () => {
    while (!stop) {
      const p0 = performance.now();
      let ok: boolean;
      try {
        const r = await fetch(`${o.url}/api/v1/health`, { signal: AbortSignal.timeout(1000) });
        await r.arrayBuffer();
        ok = r.ok;
      } catch {
        ok = false;
      }
      const ms = performance.now() - p0;
      res.probes++;
      res.slowestProbeMs = Math.max(res.slowestProbeMs, ms);
      if (!ok || ms > 1000) res.failedProbes++;
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  let next = 0;
  const worker = async () => {
    while (next < reqs.length) {
      const q = reqs[next++]!;
      const label = `${q.method} ${q.path.slice(0, 160)}`;
      const s0 = performance.now();
      try {
        const r = await fetch(o.url + q.path, {
          method: q.method,
          headers: q.headers,
          ...(q.body !== undefined ? { body: typeof q.body === 'string' ? q.body : new Blob([q.body as Uint8Array<ArrayBuffer>]) } : {}),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeout),
        });
        const text = await r.text();
        res.byStatus[r.status] = (res.byStatus[r.status] ?? 0) + 1;
        const mine = (res.bySender[q.sender] ??= {});
        mine[r.status] = (mine[r.status] ?? 0) + 1;
        if (r.status >= 500) res.failures.push({ request: label, status: r.status, detail: text.slice(0, 300) });
        // The public never writes, and is never handed a session.
        const isPublic = q.sender === 'anonymous' || q.sender === 'forged';
        const path = q.path.split('?')[0]!;
        if (isPublic && UNSAFE.has(q.method) && !PUBLIC_POSTS.has(path)) {
          res.publicWrites++;
          if (r.status < 400) res.failures.push({ request: `${label} (${q.sender})`, status: r.status, detail: `a write by the public succeeded: ${text.slice(0, 200)}` });
        }
        // A form post from another site is refused before any route: never a success, never a 5xx.
        if (q.crossSite) {
          res.crossSite[r.status] = (res.crossSite[r.status] ?? 0) + 1;
          if (r.status < 400)
            res.failures.push({
              request: `${label} (cross-site ${JSON.stringify({ origin: q.headers['origin'], 'sec-fetch-site': q.headers['sec-fetch-site'] })})`,
              status: r.status,
              detail: `a cross-site form post was not refused: ${text.slice(0, 200)}`,
            });
        }
        const session = /(?:^|[\s,])fiscus_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
        if (isPublic && session) res.failures.push({ request: `${label} (${q.sender})`, status: r.status, detail: 'the public was given a session cookie' });
      } catch (e) {
        const name = (e as Error).name;
        res.byStatus[name === 'TimeoutError' ? 'timeout' : 'network'] = (res.byStatus[name === 'TimeoutError' ? 'timeout' : 'network'] ?? 0) + 1;
        res.failures.push({ request: label, status: name === 'TimeoutError' ? 'timeout' : 'network', detail: String(e).slice(0, 300) });
      }
      const ms = performance.now() - s0;
      res.slowestMs = Math.max(res.slowestMs, ms);
      res.slowest.push({ request: label, ms, status: res.failures.at(-1)?.request === label ? res.failures.at(-1)!.status : 'ok' });
      res.slowest.sort((a, b) => b.ms - a.ms).splice(5);
      res.requests++;
      if (o.log && res.requests % 1000 === 0) o.log(`${res.requests}/${reqs.length} requests, ${res.failures.length} failures`);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 4 }, worker));
  stop = true;
  await probe;
  res.seconds = (performance.now() - t0) / 1000;
  return res;
}

/** The figures of a run, one line each. */
export function fuzzReport(r: FuzzResult, seed: number): string[] {
  return [
    `seed ${seed}: ${r.requests} requests in ${r.seconds.toFixed(1)} s (${(r.requests / r.seconds).toFixed(0)}/s); statuses ${Object.entries(r.byStatus)
      .sort()
      .map(([s, n]) => `${s}:${n}`)
      .join(' ')}`,
    `by sender: ${Object.entries(r.bySender)
      .sort()
      .map(
        ([who, st]) =>
          `${who} ${Object.entries(st)
            .sort()
            .map(([s, n]) => `${s}:${n}`)
            .join(' ')}`,
      )
      .join(' | ')}; writes by the public ${r.publicWrites}, none succeeded unless listed below`,
    `cross-site form posts ${Object.values(r.crossSite).reduce((a, b) => a + b, 0)}: statuses ${
      Object.entries(r.crossSite)
        .sort()
        .map(([s, n]) => `${s}:${n}`)
        .join(' ') || '-'
    } (each must be 4xx)`,
    `slowest request ${r.slowestMs.toFixed(0)} ms; health probes ${r.probes}, slowest ${r.slowestProbeMs.toFixed(0)} ms, over 1 s or failed: ${r.failedProbes}`,
    `slowest: ${r.slowest.map((s) => `${s.ms.toFixed(0)} ms ${s.request.slice(0, 80)}`).join(' | ')}`,
    `failures (5xx, timeouts, dropped connections): ${r.failures.length}`,
    ...r.failures.slice(0, 20).map((f) => `  ${f.status} ${f.request} — ${f.detail.replace(/\s+/g, ' ').slice(0, 200)}`),
  ];
}
