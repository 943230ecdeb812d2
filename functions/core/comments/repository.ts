import { tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { type Page, queryPage } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { Unprocessable } from '../errors.ts';
import type { ListInput } from '../shapes.ts';
import { type Comment, MAX_COMMENTS_PER_DOCUMENT } from './schema.ts';

/** Adds a comment to its document's collection (a step of the comment's transaction). */
export function putCommentStep(orgId: string, comment: Comment): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.comment(orgId, comment.docId, comment.createdAt, comment.id), type: 'comment', ...comment },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

/** Counts one more comment on the document, refused once it has the most a document takes (the same transaction as the comment). */
export function countCommentStep(orgId: string, docId: string): TransactionStep {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.commentTally(orgId, docId),
        UpdateExpression: 'SET #type = :type ADD #count :one',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
        ExpressionAttributeNames: { '#type': 'type', '#count': 'count' },
        ExpressionAttributeValues: { ':type': 'commentTally', ':one': 1, ':max': MAX_COMMENTS_PER_DOCUMENT },
      },
    },
    onConditionFailed: () =>
      new Unprocessable('COMMENT_LIMIT_REACHED', `A document takes at most ${MAX_COMMENTS_PER_DOCUMENT.toLocaleString('en')} comments.`, {
        limit: MAX_COMMENTS_PER_DOCUMENT,
      }),
  };
}

/**
 * One page of a document's comments, from the newest back: the first page is
 * the latest `limit`, `nextCursor` leads to older ones. Within a page they are
 * oldest first, as a thread reads.
 */
export async function listComments(orgId: string, docId: string, page: ListInput): Promise<Page<Comment>> {
  const found = await queryPage(keys.documentCollection(orgId, docId, 'comment'), page.limit, page.cursor, 'descending');
  return { items: found.items.map((item) => withoutKeys<Comment>(item)).reverse(), nextCursor: found.nextCursor };
}
