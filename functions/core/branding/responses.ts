import * as z from 'zod/mini';

/** A presigned POST: the browser posts `fields` and then the file (as `file`, last) to `uploadUrl` as multipart/form-data. */
export const LogoUpload = /* @__PURE__ */ z.lazy(() =>
  z.object({
    uploadId: z.string().register(z.globalRegistry, { description: 'Confirm the upload with it (POST /v1/orgs/{orgId}/logo/confirm).' }),
    uploadUrl: z.string(),
    fields: z.record(z.string(), z.string()),
    maxBytes: z.int().register(z.globalRegistry, { description: 'The largest file the form accepts: 204,800 bytes (200 KB).' }),
    validUntil: z.iso.datetime().register(z.globalRegistry, { description: 'The form is refused after this instant.' }),
  }),
);
