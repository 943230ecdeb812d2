import { local } from './local.ts';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as is: for malformed JSON and oversized bodies. */
  rawBody?: string | Buffer;
}

/** One request to the local gateway, over real HTTP. */
export async function request<T = any>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | Buffer | undefined = options.rawBody;
  if (payload === undefined && body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${local().apiUrl}${path}`, { method, headers, body: payload as BodyInit | undefined });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json');
  return { status: response.status, body: (isJson && text ? JSON.parse(text) : text) as T, headers: response.headers };
}

/** A client bound to one caller's token. */
export function as(token?: string) {
  return {
    get: <T = any>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, { token, ...options }),
    post: <T = any>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, { token, ...options }),
    put: <T = any>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, { token, ...options }),
    patch: <T = any>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, { token, ...options }),
    delete: <T = any>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, { token, ...options }),
  };
}

/** A binary download (a PDF): the raw bytes, not decoded as text. */
export async function download(path: string, token: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${local().apiUrl}${path}`, { headers: { ...headers, authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
