/** Escapes text for HTML content and attribute values (kept apart from render.ts so the audit report loads no charts). */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
