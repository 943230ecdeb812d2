import * as z from 'zod/mini';

export const PortalNameParams = /* @__PURE__ */ z.lazy(() => z.object({ name: z.string().check(z.minLength(1), z.maxLength(100)) }));
export const PortalParams = /* @__PURE__ */ z.lazy(() => z.object({ portalName: z.string().check(z.minLength(1), z.maxLength(100)) }));
export const PortalAssetParams = /* @__PURE__ */ z.lazy(() => z.object({ file: z.string().check(z.maxLength(100)) }));
export const PortalPageParams = /* @__PURE__ */ z.lazy(() =>
  z.object({
    portalName: z.string().check(z.minLength(1), z.maxLength(100)),
    page: z._default(z.string().check(z.maxLength(40)), 'sign-in'),
    docId: z.optional(z.string().check(z.maxLength(64))),
  }),
);
