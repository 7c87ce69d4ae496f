import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setLogSink } from './log.js';
import { StallMonitor } from './stall-monitor.js';

const block = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a stall of the thread is logged with its length and the requests then in flight; short delays are not', async () => {
  const lines: string[] = [];
  const prev = setLogSink((l) => lines.push(l));
  // The monitor's own clock, moved by the test: what counts as a stall does not depend on the machine's load.
  let t = 1000;
  const m = new StallMonitor(200, () => t);
  try {
    const done = m.begin('GET /api/v1/budgets/1/evaluation.pdf');
    t += 100 + 50;
    m.tick();
    assert.equal(lines.length, 0, 'a 50 ms delay is below the threshold');
    t += 100 + 450;
    m.tick();
    assert.equal(lines.length, 1);
    assert.equal(Number(/阻塞 (\d+) ms/.exec(lines[0]!)?.[1]), 450, lines[0]);
    assert.match(lines[0]!, /in flight: GET \/api\/v1\/budgets\/1\/evaluation\.pdf \(700 ms\)/);
    done();
    t += 100 + 300;
    m.tick();
    assert.match(lines[1]!, /服务线程阻塞 300 ms.*in flight: none/, 'an answered request is no longer listed');
    assert.equal(m.figures().stalls, 2);
    // The delay figures the health endpoint reports come from Node's own histogram of the real thread.
    await tick(60);
    block(450);
    await tick(60);
    assert.ok(m.figures().maxMs >= 400, `max ${m.figures().maxMs}`);
  } finally {
    m.stop();
    setLogSink(prev);
  }
});
