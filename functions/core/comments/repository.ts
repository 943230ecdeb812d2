import { tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { allWithPrefix } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import type { Comment } from './schema.ts';

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

/** A document's comments, oldest first (its collection's COMMENT# items). */
export async function listComments(orgId: string, docId: string): Promise<Comment[]> {
  return (await allWithPrefix(keys.documentCollection(orgId, docId, 'comment'))).map((item) => withoutKeys<Comment>(item));
}
