/** Applies `change` to `object` and returns what the changed top-level fields were before: an event's `previous_attributes`. */
export function change<T extends object>(object: T, apply: (object: T) => void): Record<string, unknown> {
  const before = structuredClone(object) as Record<string, unknown>;
  apply(object);
  const after = object as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(after)
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .map((key) => [key, before[key] ?? null]),
  );
}
