import * as z from 'zod/mini';

const id = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(64)));

export const ConfirmLogoBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    uploadId: z.string().check(z.regex(/^upl_[A-Za-z0-9_-]{1,60}$/, 'Expected the uploadId POST /v1/orgs/{orgId}/logo answered.')),
  }),
);

export const PortalLogoParams = /* @__PURE__ */ z.lazy(() => z.object({ portalName: z.string().check(z.minLength(1), z.maxLength(100)) }));
/** `v`: the logo's version in its address; the current one caches for good, any other not at all. */
export const PortalLogoQuery = /* @__PURE__ */ z.lazy(() => z.object({ v: z.optional(z.string().check(z.maxLength(64))) }));

export const OrgLogoParams = /* @__PURE__ */ z.lazy(() => z.object({ orgId: id }));
