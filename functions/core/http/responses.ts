/** What a handler returns; the HTTP wrapper turns it into an API Gateway response through the route's declared replies. */
export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw bodies (PDF, HTML) bypass JSON encoding. */
  raw?: { content: Buffer | string; contentType: string };
}

// Literal statuses and the body's own type, so the route's reply schema can check them at compile time.
export const ok = <B>(body: B) => ({ status: 200 as const, body });
export const created = <B>(body: B) => ({ status: 201 as const, body });
export const accepted = () => ({ status: 202 as const, body: { accepted: true as const } });
export const noContent = () => ({ status: 204 as const });
/** The answer is at another route (fetch follows it, same origin, with the same headers). */
export const seeOther = (location: string) => ({ status: 303 as const, headers: { location } });
/**
 * A body whose static type is wider than its route's schema (an idempotent
 * replay read back from the table, a string that is one of a few values):
 * the schema alone checks it, when it is sent.
 */
export const unchecked = (body: unknown) => body as never;
export const file = (content: Buffer, contentType: string, filename: string): HttpResult => ({
  status: 200,
  raw: { content, contentType },
  headers: { 'content-disposition': `inline; filename="${filename}"` },
});
/** JSON lines (one JSON value per line), offered as a file to save. */
export const jsonLines = (content: string, headers: Record<string, string> = {}): HttpResult => ({
  status: 200,
  raw: { content, contentType: 'application/x-ndjson; charset=utf-8' },
  headers: { 'content-disposition': 'attachment; filename="audit.jsonl"', ...headers },
});

/** A file offered for download (an e-invoice) rather than shown. */
export const download = (content: Buffer, contentType: string, filename: string): HttpResult => ({
  status: 200,
  raw: { content, contentType },
  headers: { 'content-disposition': `attachment; filename="${filename}"`, 'x-content-type-options': 'nosniff' },
});
export const pdfFile = (pdf: { content: Buffer; filename: string }): HttpResult => file(pdf.content, 'application/pdf', pdf.filename);
/** A zip to save (attachment), with where the next one starts when it holds only part. */
export const zipFile = (zip: { content: Buffer; filename: string; nextCursor: string | null }): HttpResult => ({
  status: 200,
  raw: { content: zip.content, contentType: 'application/zip' },
  headers: { 'content-disposition': `attachment; filename="${zip.filename}"`, ...(zip.nextCursor ? { 'x-next-cursor': zip.nextCursor } : {}) },
});

/** A file whose name carries its content's hash: cached by browsers and CDNs for a year, never revalidated. */
export const immutableScript = (content: string): HttpResult => ({
  status: 200,
  raw: { content, contentType: 'text/javascript; charset=utf-8' },
  headers: { 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
});
export const html = (content: string, status = 200, headers: Record<string, string> = {}): HttpResult => ({
  status,
  raw: { content, contentType: 'text/html; charset=utf-8' },
  headers: { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', ...headers },
});
