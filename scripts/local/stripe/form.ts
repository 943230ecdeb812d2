/** A decoded form value: Stripe's parameters nest with brackets. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormParams = { [key: string]: FormValue };

/**
 * Decodes a form-encoded body or query string as Stripe reads it:
 * `line_items[0][price_data][currency]=usd` nests, numeric or empty indices
 * (`expand[]=…`, `expand[0]=…`) make arrays.
 */
export function decodeForm(text: string): FormParams {
  // Prototype-less while building, so `__proto__[x]=…` is just an unknown parameter.
  const root: FormParams = Object.create(null);
  for (const [name, value] of new URLSearchParams(text)) {
    const path = keyPath(name);
    let node: FormParams = root;
    path.forEach((segment, index) => {
      const key = segment === '' ? String(Object.keys(node).length) : segment;
      if (index === path.length - 1) node[key] = value;
      else {
        if (typeof node[key] !== 'object') node[key] = Object.create(null);
        node = node[key] as FormParams;
      }
    });
  }
  return arraysFromIndices(root) as FormParams;
}

/** `a[b][0]` → ['a', 'b', '0']. */
function keyPath(name: string): string[] {
  const head = name.split('[', 1)[0]!;
  return [head, ...[...name.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1]!)];
}

function arraysFromIndices(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted = Object.fromEntries(keys.map((key) => [key, arraysFromIndices(value[key]!)]));
  if (keys.length > 0 && keys.every((key) => /^(0|[1-9]\d*)$/.test(key))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => converted[index]!);
  }
  return converted;
}
