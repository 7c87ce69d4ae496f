/**
 * `/docs`: a self-contained page that reads `/openapi.json` and lists every operation with its
 * parameters, request body and responses, with a "send" button for GET operations. No CDN: the
 * servers fiscus runs on often have no internet access.
 */

const SCRIPT = String.raw`
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const refName = (s) => (s && s.$ref ? s.$ref.split('/').pop() : null);
function schemaText(s, depth = 0) {
  if (!s) return '';
  const r = refName(s);
  if (r) return '<a href="#schema-' + esc(r) + '">' + esc(r) + '</a>';
  if (s.type === 'array') return schemaText(s.items, depth) + '[]';
  if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map((x) => schemaText(x, depth)).join(' | ');
  if (s.type === 'object' && s.properties && depth < 1) {
    return '{ ' + Object.entries(s.properties).map(([k, v]) => esc(k) + ((s.required || []).includes(k) ? '' : '?') + ': ' + schemaText(v, depth + 1)).join(', ') + ' }';
  }
  if (s.enum) return s.enum.map((x) => esc(JSON.stringify(x))).join(' | ');
  return esc(Array.isArray(s.type) ? s.type.join(' | ') : s.type || 'any');
}
async function main() {
  const spec = await (await fetch('/openapi.json')).json();
  document.getElementById('title').textContent = spec.info.title + ' ' + spec.info.version;
  document.getElementById('desc').textContent = spec.info.description || '';
  const ops = [];
  for (const [path, item] of Object.entries(spec.paths)) for (const [method, op] of Object.entries(item)) ops.push({ path, method, op });
  let html = '';
  let i = 0;
  for (const { path, method, op } of ops) {
    const id = 'op-' + i++;
    const params = (op.parameters || []).map((p) => '<tr><td><code>' + esc(p.name) + '</code></td><td>' + esc(p.in) + '</td><td>' + (p.required ? '必填' : '可选') + '</td><td>' + schemaText(p.schema) + ' ' + esc(p.description || '') + '</td></tr>').join('');
    const body = op.requestBody ? Object.entries(op.requestBody.content).map(([t, c]) => '<li><code>' + esc(t) + '</code>: ' + schemaText(c.schema) + '</li>').join('') : '';
    const resp = Object.entries(op.responses || {}).map(([s, r]) => '<li><b>' + esc(s) + '</b> ' + esc(r.description) + (r.content ? ' — ' + Object.entries(r.content).map(([t, c]) => '<code>' + esc(t) + '</code> ' + schemaText(c.schema)).join('; ') : '') + '</li>').join('');
    const tryIt = method === 'get'
      ? '<form class="try" data-path="' + esc(path) + '">' + (op.parameters || []).map((p) => '<label>' + esc(p.name) + ' <input name="' + esc(p.name) + '" data-in="' + esc(p.in) + '"></label>').join(' ') + ' <button>发送请求</button><pre class="out" aria-live="polite"></pre></form>'
      : '';
    html += '<section class="op" id="' + id + '"><h3><span class="m m-' + method + '">' + method.toUpperCase() + '</span> <code>' + esc(path) + '</code></h3><p>' + esc(op.summary || '') + '</p>' + (op.description ? '<p class="d">' + esc(op.description) + '</p>' : '') +
      (params ? '<table><thead><tr><th>参数</th><th>位置</th><th></th><th>类型</th></tr></thead><tbody>' + params + '</tbody></table>' : '') +
      (body ? '<h4>请求体</h4><ul>' + body + '</ul>' : '') + '<h4>响应</h4><ul>' + resp + '</ul>' + tryIt + '</section>';
  }
  const schemas = (spec.components && spec.components.schemas) || {};
  html += '<h2>数据结构</h2>' + Object.entries(schemas).map(([n, s]) => '<section class="schema" id="schema-' + esc(n) + '"><h3>' + esc(n) + '</h3><pre>' + esc(JSON.stringify(s, null, 2).slice(0, 4000)) + '</pre></section>').join('');
  document.getElementById('ops').innerHTML = html;
  document.getElementById('toc').innerHTML = ops.map(({ path, method }, k) => '<li><a href="#op-' + k + '">' + method.toUpperCase() + ' ' + esc(path) + '</a></li>').join('');
  for (const f of document.querySelectorAll('form.try')) {
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      let url = f.dataset.path;
      const q = new URLSearchParams();
      for (const input of f.querySelectorAll('input')) {
        if (input.dataset.in === 'path') url = url.replace('{' + input.name + '}', encodeURIComponent(input.value));
        else if (input.value) q.set(input.name, input.value);
      }
      const out = f.querySelector('.out');
      const res = await fetch(url + (q.size ? '?' + q : ''));
      const text = await res.text();
      out.textContent = res.status + ' ' + (res.headers.get('content-type') || '') + '\n' + text.slice(0, 20000);
    });
  }
}
main().catch((e) => { document.getElementById('ops').textContent = '无法读取 /openapi.json：' + e; });
`;

/** The HTML of the API documentation page. */
export function docsPage(): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>fiscus API 文档</title>
<style>
body{font:15px/1.5 system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:0;display:grid;grid-template-columns:18rem 1fr;color:#1b1f24}
nav{position:sticky;top:0;height:100vh;overflow:auto;background:#f3f5f8;padding:1rem;font-size:13px}
nav ul{list-style:none;padding:0}main{padding:1rem 2rem;max-width:70rem}
.op{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.m{display:inline-block;min-width:4rem;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px}
.m-get{background:#0a6ebd}.m-post{background:#1a7f37}.m-patch{background:#9a6700}.m-delete{background:#cf222e}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:2px 8px;text-align:left}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;max-height:20rem}
a:focus,button:focus,input:focus{outline:3px solid #0969da;outline-offset:2px}
</style></head>
<body><nav aria-label="接口目录"><p><a href="/">← 返回 fiscus</a> · <a href="/openapi.json">openapi.json</a></p><ul id="toc"></ul></nav>
<main><h1 id="title">fiscus API</h1><p id="desc"></p>
<p>错误一律为 <code>application/problem+json</code>：{type, title, status, code, detail, instance, line?}。金额为整数分。</p>
<div id="ops">正在读取 /openapi.json…</div></main>
<script>${SCRIPT}</script></body></html>`;
}
