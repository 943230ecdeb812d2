import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "A staff user's own second factor (TOTP), which organizations may require.",
  operations: {
    'POST /v1/me/mfa': {
      description:
        "The request is authorized by the ID token; the body carries the same user's access token, which Cognito needs (`422 INVALID_ACCESS_TOKEN` for another's).",
      example: { accessToken: 'eyJraWQiOiJ4In0.eyJ0b2tlbl91c2UiOiJhY2Nlc3MifQ.c2ln' },
    },
    'POST /v1/me/mfa/verify': {
      description:
        'Confirms the authenticator with its first code; organizations that require MFA admit the sign-ins after it. A wrong or expired code, or one this user used before (a code works once), answers `422 INVALID_MFA_CODE`.',
      example: { accessToken: 'eyJraWQiOiJ4In0.eyJ0b2tlbl91c2UiOiJhY2Nlc3MifQ.c2ln', code: '123456' },
    },
  },
} satisfies AreaDocs<typeof routes>;
