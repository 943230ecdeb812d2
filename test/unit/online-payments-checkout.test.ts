import { expect, it } from 'vitest';
import type { PortalContext } from '../../functions/core/access/context.ts';
import { startCheckout } from '../../functions/core/online-payments/checkout.ts';

it('refuses a portal person without the pay permission with 403 FORBIDDEN, before reading anything', async () => {
  const person = { kind: 'portal', orgId: 'org_1', contactId: 'con_1', personId: 'per_1', permissions: ['view', 'approve'] } as unknown as PortalContext;
  await expect(startCheckout(person, { docIds: ['doc_1'] })).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
});
