import * as z from 'zod/mini';

/** The staff user's Cognito access token: the enrolment calls need it (the ID token authorizes the request). */
const accessToken = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(8192)));

export const StaffMfaBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ accessToken }));
export const StaffMfaVerifyBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    accessToken,
    code: z.string().check(z.regex(/^\d{6}$/, 'Expected the six digits the authenticator app shows.')),
  }),
);
