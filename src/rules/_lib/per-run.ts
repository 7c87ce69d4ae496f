/**
 * What several rules derive from the same part of a document (its free-text places, its normalised
 * paragraphs …), computed once per run of the rules (engine.ts checkDocument) rather than once per rule.
 * Each value is keyed by the parts it is derived from, as the caller reads them from the document (the
 * narrative, the list of project forms …): a copy of the document that shares those parts (the engine's
 * variants share all but the tables) shares the value, and the engine still sees which members each rule
 * reads. Outside a run (a rule called alone, as in its tests) nothing is kept, since a document may be
 * changed between two calls; within a run nothing changes it (rules never write into a document).
 */

type Entry = { keys: readonly unknown[]; value: unknown };

/** The values of the current run: by their first part, then by name. */
let current: WeakMap<object, Map<string, Entry[]>> | null = null;

/** Runs `fn` as one run of the rules: values derived during it are shared, and dropped at its end. */
export function duringRun<T>(fn: () => T): T {
  const outer = current;
  current = new WeakMap();
  try {
    return fn();
  } finally {
    current = outer;
  }
}

/**
 * `compute()`, or the value it gave earlier in this run for the same `name` and the same parts (compared
 * by identity). `parts[0]` is an object of the document; the others may be anything (null, a number).
 */
export function perRun<T>(name: string, parts: readonly [object, ...unknown[]], compute: () => T): T {
  if (current === null) return compute();
  const [first, ...rest] = parts;
  let byName = current.get(first);
  if (!byName) current.set(first, (byName = new Map<string, Entry[]>()));
  let entries = byName.get(name);
  if (!entries) byName.set(name, (entries = []));
  for (const e of entries) if (e.keys.length === rest.length && e.keys.every((k, i) => k === rest[i])) return e.value as T;
  const value = compute();
  entries.push({ keys: rest, value });
  return value;
}
