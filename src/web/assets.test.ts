import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { assetUrl, mountAssets } from './assets.js';

test('an asset answers the same bytes plain and gzipped (compressed when first asked for), under the etag its versioned URL names', async () => {
  const app = new Hono();
  mountAssets(app);
  const url = assetUrl('htmx.min.js');
  const plain = await app.request(url);
  const gz = await app.request(url, { headers: { 'accept-encoding': 'gzip, deflate' } });
  const again = await app.request(url, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(plain.status, 200);
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  const body = Buffer.from(await plain.arrayBuffer());
  const zipped = Buffer.from(await gz.arrayBuffer());
  assert.ok(zipped.length < body.length);
  assert.deepEqual(gunzipSync(zipped), body);
  assert.deepEqual(Buffer.from(await again.arrayBuffer()), zipped);
  const etag = plain.headers.get('etag')!;
  assert.equal(gz.headers.get('etag'), etag);
  assert.equal(url, `/static/htmx.min.js?v=${etag.slice(1, 9)}`);
  assert.equal((await app.request(url, { headers: { 'if-none-match': etag } })).status, 304);
});
