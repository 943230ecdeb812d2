import { randomUUID } from 'node:crypto';
import type { as } from './api.ts';

type Api = ReturnType<typeof as>;

/** An address no other test uses. */
export const uniqueEmail = (name = 'person') => `${name}-${randomUUID().slice(0, 12)}@example.test`;

/** A contact with a primary person and `extraPersons` more, created through the API. */
export async function newContact(api: Api, orgId: string, extraPersons = 0, overrides: Record<string, unknown> = {}) {
  const response = await api.post(`/v1/orgs/${orgId}/contacts`, {
    name: 'Globex Corporation',
    email: uniqueEmail('primary'),
    persons: Array.from({ length: extraPersons }, (_, index) => ({ name: `Person ${index + 1}`, email: uniqueEmail(`person${index + 1}`) })),
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`creating a contact failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as {
    id: string;
    name: string;
    email: string;
    version: number;
    persons: { id: string; name: string; email: string; primary: boolean; portalAccess: string; portalPermissions: string[] }[];
  };
}
