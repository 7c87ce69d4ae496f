/**
 * `/docs`: a self-contained page that reads `/openapi.json` and lists every operation with its
 * parameters, request body and responses, with a "send" button for GET operations. No CDN: the
 * servers fiscus runs on often have no internet access. Its script is the web app's static file
 * `/static/docs.js` (src/web/static/docs.js): the Content-Security-Policy allows no inline script
 * (app/http-security.ts), and `fiscus serve` serves both front doors from one origin.
 */

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
<script src="/static/docs.js" defer></script></body></html>`;
}
