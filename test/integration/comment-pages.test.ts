import { beforeAll, describe, expect, it } from 'vitest';
import { countCommentStep, putCommentStep } from '../../functions/core/comments/repository.ts';
import { transact } from '../../functions/core/db/transact.ts';
import { makeDocument, portalSetup, sentDocument } from '../support/documents.ts';
import { useLocalTable } from '../support/local.ts';

type Api = Awaited<ReturnType<typeof portalSetup>>['api'];
interface CommentItem {
  id: string;
  body: string;
  createdAt: string;
}

beforeAll(useLocalTable);

/** Every comment of a list, walking its cursors: the pages in the order they came. */
async function walk(api: Api, path: string, limit: number) {
  const pages: CommentItem[][] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await api.get(`${path}${query}`);
    expect(response.status).toBe(200);
    pages.push(response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return pages;
}

/** Runs `task` for 0..count-1, `width` at a time. */
async function inParallel(count: number, width: number, task: (index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

describe('a long comment thread', () => {
  it('takes 1,000 comments, refuses the next, reads its latest 50 under 1 MB and pages back through every one once', async () => {
    const { org, api, contact } = await portalSetup();
    const draft = await makeDocument(api, org.id, 'invoices', contact.id);
    const path = `/v1/orgs/${org.id}/invoices/${draft.id}`;
    // Each at the longest body a comment takes: the bound must hold for the largest thread. The first 999 are
    // written as the comment's transaction writes them (without the outbox's 999 notices to work through); the 1,000th through the API.
    const body = (index: number) => `${String(index).padStart(4, '0')} ${'x'.repeat(4_995)}`;
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    await inParallel(999, 8, async (index) => {
      const comment = {
        id: `cmt_seed${String(index).padStart(4, '0')}`,
        docId: draft.id,
        body: body(index),
        author: { type: 'staff' as const, id: 'staff_seed', name: 'Seeder' },
        createdAt: new Date(start + index * 1_000).toISOString(),
      };
      await transact([putCommentStep(org.id, comment), countCommentStep(org.id, draft.id)]);
    });
    expect((await api.post(`${path}/comments`, { body: body(999) })).status).toBe(201);

    const refused = await api.post(`${path}/comments`, { body: 'one too many' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'COMMENT_LIMIT_REACHED', details: { limit: 1_000 } });

    const read = await api.get(path);
    expect(read.status).toBe(200);
    expect(Buffer.byteLength(JSON.stringify(read.body))).toBeLessThan(1_000_000);
    expect(read.body.comments).toHaveLength(50);
    expect(read.body.commentsCursor).toEqual(expect.any(String));

    const pages = await walk(api, `${path}/comments`, 100);
    expect(pages.map((page) => page.length)).toEqual(Array(10).fill(100));
    const all = pages.toReversed().flat();
    expect(new Set(all.map((comment) => comment.id)).size).toBe(1_000);
    expect(all.every((comment) => comment.body.length === 5_000)).toBe(true);
    // Oldest first within each page, and every page older than the one before: together, the whole thread in order.
    const times = all.map((comment) => comment.createdAt);
    expect(times).toEqual(times.toSorted());
    expect(all.slice(-50)).toEqual(read.body.comments);
    expect(all.map((comment) => comment.body)).not.toContain('one too many');

    // The document read's cursor continues where its 50 end.
    const older = await api.get(`${path}/comments?limit=100&cursor=${encodeURIComponent(read.body.commentsCursor)}`);
    expect(older.body.items).toEqual(all.slice(-150, -50));
  });

  it('reads whole in the portal while short: no cursor, and the cursor of another document is refused', async () => {
    const { org, api, contact, base, person } = await portalSetup();
    const [first, second] = [await sentDocument(api, org.id, 'invoices', contact.id), await sentDocument(api, org.id, 'invoices', contact.id)];
    for (const text of ['one', 'two', 'three']) expect((await person.post(`${base}/documents/${first.id}/comments`, { body: text })).status).toBe(201);
    const read = await person.get(`${base}/documents/${first.id}`);
    expect(read.body.comments.map((comment: CommentItem) => comment.body)).toEqual(['one', 'two', 'three']);
    expect(read.body.commentsCursor).toBeNull();

    const firstPage = await person.get(`${base}/documents/${first.id}/comments?limit=2`);
    expect(firstPage.body.items.map((comment: CommentItem) => comment.body)).toEqual(['two', 'three']);
    const rest = await person.get(`${base}/documents/${first.id}/comments?limit=2&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`);
    expect(rest.body).toMatchObject({ items: [{ body: 'one' }] });
    const elsewhere = await person.get(`${base}/documents/${second.id}/comments?cursor=${encodeURIComponent(firstPage.body.nextCursor)}`);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.code).toBe('INVALID_CURSOR');
  });
});
