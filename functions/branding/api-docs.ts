import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "The organization's logo: uploaded to a private bucket, checked from its bytes, served by Portico (docs/branding.md).",
  operations: {
    'POST /v1/orgs/{orgId}/logo': {
      description:
        'Answers an S3 presigned POST: post `fields`, then the file as `file`, to `uploadUrl` as multipart/form-data within 10 minutes. S3 refuses a file over 200 KB (`EntityTooLarge`). Nothing changes until the upload is confirmed; an upload never confirmed is removed after a day.',
    },
    'POST /v1/orgs/{orgId}/logo/confirm': {
      description:
        "Reads the upload and checks its bytes, never its name or declared type: a PNG or JPEG, at most 200 KB, each side 16–4,096 pixels. Anything else (a GIF renamed `.png`, text) answers `422 INVALID_LOGO` and the upload is deleted. The logo then shows on the portal's pages, in emails and in PDFs; `branding.logoUrl` is its address on Portico.",
      example: { uploadId: 'upl_3kq9x7' },
    },
    'GET /v1/portal/{portalName}/logo': {
      description:
        'The logo as uploaded, with its type from its bytes. With `v` naming the current logo (as `branding.logoUrl` does) it may be cached for a year; a new logo has a new address.',
    },
  },
} satisfies AreaDocs<typeof routes>;
