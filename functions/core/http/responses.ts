/** What a handler returns; the HTTP wrapper turns it into an API Gateway response. */
export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw bodies (PDF, HTML) bypass JSON encoding. */
  raw?: { content: Buffer | string; contentType: string };
}

export const ok = (body: unknown): HttpResult => ({ status: 200, body });
export const created = (body: unknown): HttpResult => ({ status: 201, body });
export const accepted = (body: unknown = { accepted: true }): HttpResult => ({ status: 202, body });
export const noContent = (): HttpResult => ({ status: 204 });
export const file = (content: Buffer, contentType: string, filename: string): HttpResult => ({
  status: 200,
  raw: { content, contentType },
  headers: { 'content-disposition': `inline; filename="${filename}"` },
});
export const pdfFile = (pdf: { content: Buffer; filename: string }): HttpResult => file(pdf.content, 'application/pdf', pdf.filename);
export const html = (content: string, status = 200, headers: Record<string, string> = {}): HttpResult => ({
  status,
  raw: { content, contentType: 'text/html; charset=utf-8' },
  headers: { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', ...headers },
});
