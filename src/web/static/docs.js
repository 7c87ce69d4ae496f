// The script of /docs (src/api/docs-page.ts), served by the web app's static files: the
// Content-Security-Policy allows no inline script (src/app/http-security.ts).
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const refName = (s) => (s && s.$ref ? s.$ref.split('/').pop() : null);
function schemaText(s, depth = 0) {
  if (!s) return '';
  const r = refName(s);
  if (r) return '<a href="#schema-' + esc(r) + '">' + esc(r) + '</a>';
  if (s.type === 'array') return schemaText(s.items, depth) + '[]';
  if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map((x) => schemaText(x, depth)).join(' | ');
  if (s.type === 'object' && s.properties && depth < 1) {
    return (
      '{ ' +
      Object.entries(s.properties)
        .map(([k, v]) => esc(k) + ((s.required || []).includes(k) ? '' : '?') + ': ' + schemaText(v, depth + 1))
        .join(', ') +
      ' }'
    );
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
    const params = (op.parameters || [])
      .map(
        (p) =>
          '<tr><td><code>' +
          esc(p.name) +
          '</code></td><td>' +
          esc(p.in) +
          '</td><td>' +
          (p.required ? '必填' : '可选') +
          '</td><td>' +
          schemaText(p.schema) +
          ' ' +
          esc(p.description || '') +
          '</td></tr>',
      )
      .join('');
    const body = op.requestBody
      ? Object.entries(op.requestBody.content)
          .map(([t, c]) => '<li><code>' + esc(t) + '</code>: ' + schemaText(c.schema) + '</li>')
          .join('')
      : '';
    const resp = Object.entries(op.responses || {})
      .map(
        ([s, r]) =>
          '<li><b>' +
          esc(s) +
          '</b> ' +
          esc(r.description) +
          (r.content
            ? ' — ' +
              Object.entries(r.content)
                .map(([t, c]) => '<code>' + esc(t) + '</code> ' + schemaText(c.schema))
                .join('; ')
            : '') +
          '</li>',
      )
      .join('');
    const tryIt =
      method === 'get'
        ? '<form class="try" data-path="' +
          esc(path) +
          '">' +
          (op.parameters || []).map((p) => '<label>' + esc(p.name) + ' <input name="' + esc(p.name) + '" data-in="' + esc(p.in) + '"></label>').join(' ') +
          ' <button>发送请求</button><pre class="out" aria-live="polite"></pre></form>'
        : '';
    html +=
      '<section class="op" id="' +
      id +
      '"><h3><span class="m m-' +
      method +
      '">' +
      method.toUpperCase() +
      '</span> <code>' +
      esc(path) +
      '</code></h3><p>' +
      esc(op.summary || '') +
      '</p>' +
      (op.description ? '<p class="d">' + esc(op.description) + '</p>' : '') +
      (params ? '<table><thead><tr><th>参数</th><th>位置</th><th></th><th>类型</th></tr></thead><tbody>' + params + '</tbody></table>' : '') +
      (body ? '<h4>请求体</h4><ul>' + body + '</ul>' : '') +
      '<h4>响应</h4><ul>' +
      resp +
      '</ul>' +
      tryIt +
      '</section>';
  }
  const schemas = (spec.components && spec.components.schemas) || {};
  html +=
    '<h2>数据结构</h2>' +
    Object.entries(schemas)
      .map(([n, s]) => '<section class="schema" id="schema-' + esc(n) + '"><h3>' + esc(n) + '</h3><pre>' + esc(JSON.stringify(s, null, 2).slice(0, 4000)) + '</pre></section>')
      .join('');
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
main().catch((e) => {
  document.getElementById('ops').textContent = '无法读取 /openapi.json：' + e;
});
