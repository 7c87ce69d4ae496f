/**
 * FiscusError across a thread boundary: plain fields one way (structured clone keeps no class), the
 * same code, place, expected/found and one-line form the other way.
 */
import { FiscusError, type ErrorCode, type ErrorWhere } from '../../domain/errors.js';

/** A FiscusError as plain fields (its own one-line form kept: subclasses print places their way). */
export interface WireError {
  code: ErrorCode;
  message: string;
  where: ErrorWhere;
  expected?: string;
  found?: string;
  oneLine: string;
}

/** What a parser thread answers: the parsed value, or the error. */
export type ParseAnswer = { ok: true; value: unknown } | { ok: false; error: WireError };

/** A FiscusError → plain fields. */
export function toWire(e: FiscusError): WireError {
  const w: WireError = { code: e.code, message: e.message, where: { ...e.where }, oneLine: e.oneLine() };
  if (e.expected !== undefined) w.expected = e.expected;
  if (e.found !== undefined) w.found = e.found;
  return w;
}

/** A FiscusError rebuilt from a thread's answer; prints exactly as the original did. */
export class RebuiltError extends FiscusError {
  constructor(private readonly wire: WireError) {
    super(wire.code, wire.message, { ...wire.where }, wire.expected, wire.found);
  }

  override oneLine(): string {
    return this.wire.oneLine;
  }
}

/** Plain fields → FiscusError. */
export function fromWire(w: WireError): FiscusError {
  return new RebuiltError(w);
}
