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
  const m = new StallMonitor(200);
  try {
    await tick(150);
    const done = m.begin('GET /api/v1/budgets/1/evaluation.pdf');
    block(50);
    await tick(150);
    assert.equal(lines.length, 0, 'a 50 ms delay is below the threshold');
    block(450);
    await tick(150);
    done();
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /服务线程阻塞 (\d+) ms/);
    assert.ok(Number(/阻塞 (\d+) ms/.exec(lines[0]!)![1]) >= 300, lines[0]);
    assert.match(lines[0]!, /in flight: GET \/api\/v1\/budgets\/1\/evaluation\.pdf \(\d+ ms\)/);
    const f = m.figures();
    assert.equal(f.stalls, 1);
    assert.ok(f.maxMs >= 400, `max ${f.maxMs}`);
    block(450);
    await tick(150);
    assert.match(lines[1]!, /in flight: none/, 'an answered request is no longer listed');
  } finally {
    m.stop();
    setLogSink(prev);
  }
});
