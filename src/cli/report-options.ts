/**
 * The options of the commands that report findings (validate, reconcile, audit): `--format` and
 * `--fail-on`, checked once here. Light on purpose: read before a command loads its use case.
 */
import type { FailOn } from '../app/validate.js';
import { FiscusError } from '../domain/errors.js';

const FAIL_ONS: readonly string[] = ['error', 'warning', 'never'] satisfies readonly FailOn[];

/** `--fail-on` as given; INPUT_INVALID unless error, warning or never. */
export function failOnOption(value: string): FailOn {
  if (!FAIL_ONS.includes(value)) {
    throw new FiscusError('INPUT_INVALID', `--fail-on 应为 error、warning 或 never，实为 ${JSON.stringify(value)} (expected --fail-on error, warning or never, found ${JSON.stringify(value)})`);
  }
  return value as FailOn;
}

/** `--format` of a findings report; INPUT_INVALID unless text or json. */
export function textOrJsonOption(value: string): 'text' | 'json' {
  if (value !== 'text' && value !== 'json') {
    throw new FiscusError('INPUT_INVALID', `--format 应为 text 或 json，实为 ${JSON.stringify(value)} (expected --format text or json, found ${JSON.stringify(value)})`);
  }
  return value;
}
