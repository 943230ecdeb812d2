import type { as } from './api.ts';

type Api = ReturnType<typeof as>;

/** Every entry of a contact's credit in one currency, oldest first, read through its pages. */
export async function creditEntries<Entry = { kind: string; amount: number; date: string; id: string; source: { id: string } }>(
  api: Api,
  orgId: string,
  contactId: string,
  currency: string,
): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: Entry[]; nextCursor: string | null } } = await api.get(
      `/v1/orgs/${orgId}/contacts/${contactId}/credits/${currency}/entries?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (page.status !== 200) throw new Error(`reading credit entries: ${page.status} ${JSON.stringify(page.body)}`);
    entries.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return entries;
}
