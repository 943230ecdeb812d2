import type { Double } from '../double.ts';
import type { FormParams } from '../form.ts';

export interface HtmlPage {
  status: number;
  html: string;
}
export type PageResult = HtmlPage | { redirect: string };
export type PageHandler = (double: Double, request: { pathParams: Record<string, string>; form: FormParams }) => PageResult;

/** Names and emails come from API callers: always inserted as text. */
export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/** A plain page, marked everywhere as the local double so nobody mistakes it for Stripe. */
export function layout(title: string, body: string, status = 200): HtmlPage {
  return {
    status,
    html: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · local Stripe double</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1f36}
table{width:100%;border-collapse:collapse}td{padding:.25rem 0}td:last-child{text-align:right}
button{font:inherit;padding:.5rem 1rem;margin:.5rem .5rem 0 0;cursor:pointer}small{color:#697386}</style></head>
<body><small>Local Stripe double: test mode, nothing here moves money.</small>
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>`,
  };
}
