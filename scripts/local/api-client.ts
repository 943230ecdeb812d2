/** A JSON client for seeding and benchmarks: any status other than `expected` (default: 2xx) stops the run. */
export function client(apiUrl: string, token?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, expected?: number) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const ok = expected === undefined ? response.status < 300 : response.status === expected;
    if (!ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
  };
}

export type Client = ReturnType<typeof client>;
