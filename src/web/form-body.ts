/**
 * The body of a web form post. A body that is not a readable form (a broken multipart body, a
 * boundary that never comes, bytes that are not a form) is the sender's mistake: a located
 * INPUT_UNREADABLE (400 with a Chinese page), never an internal error.
 */
import type { Context } from 'hono';
import { FiscusError } from '../domain/errors.js';

export type FormBody = Record<string, string | File | Array<string | File>>;

export async function formBody(c: Context): Promise<FormBody> {
  try {
    return await c.req.parseBody();
  } catch (e) {
    throw new FiscusError('INPUT_UNREADABLE', `表单内容无法读取（${(e as Error).message}）`);
  }
}

/**
 * A typed text field of a form body: its text, '' when the field is absent. A file (or several
 * values) where text is expected is the sender's mistake, refused naming the field (INPUT_INVALID),
 * never read as the text "[object File]".
 */
export function formText(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  throw new FiscusError('INPUT_INVALID', `表单字段“${key}”应为文字，实为${v instanceof File ? '文件' : '多个值'}`, { field: key });
}
