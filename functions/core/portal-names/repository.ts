import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';
import { Conflict } from '../errors.ts';
import type { Organization } from '../orgs/schema.ts';

/** A claim on a public portal name: `active` while in use, `held` for a while after a rename. */
export interface PortalNameClaim {
  name: string;
  orgId: string;
  state: 'active' | 'held';
  /** Epoch seconds: when a hold lapses (also the TTL that lets DynamoDB remove it). */
  expiresAt?: number;
  /** On the active claim: what the portal's login page shows, so it is one read. Absent on claims written before it was kept here. */
  public?: PublicPortal;
}

/** The organization's public face, copied onto its active claim in every transaction that changes it. */
export interface PublicPortal {
  enabled: boolean;
  name: string;
  branding: Organization['branding'];
}

export const publicPortalOf = (organization: Pick<Organization, 'portalEnabled' | 'name' | 'branding'>): PublicPortal => ({
  enabled: organization.portalEnabled,
  name: organization.name,
  branding: organization.branding,
});

export const portalNameTaken = (name: string) => new Conflict('PORTAL_NAME_TAKEN', `The portal name "${name}" is already taken. Choose another name.`);

/** Who holds this name, if anyone? */
export async function getPortalNameClaim(name: string): Promise<PortalNameClaim | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.portalName(name) }));
  return Item as PortalNameClaim | undefined;
}

/** Is the claim free for this organization at `nowSeconds`? Mirrors the condition of `claimStep`. */
export function isClaimable(claim: PortalNameClaim | undefined, orgId: string | undefined, nowSeconds: number): boolean {
  if (!claim) return true;
  if (claim.orgId === orgId) return true;
  return claim.state === 'held' && (claim.expiresAt ?? 0) < nowSeconds;
}

/**
 * Claims a name for an organization. The condition makes the name globally
 * unique: free, lapsed hold, or this organization's own held name.
 */
export function claimStep(name: string, orgId: string, nowSeconds: number, publicPortal: PublicPortal): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.portalName(name), type: 'portalName', name, orgId, state: 'active', public: publicPortal },
        ConditionExpression: 'attribute_not_exists(PK) OR orgId = :org OR (#state = :held AND expiresAt < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':org': orgId, ':held': 'held', ':now': nowSeconds },
      },
    },
    onConditionFailed: () => portalNameTaken(name),
  };
}

/** Turns an organization's previous name into a hold that lapses at `untilSeconds`. */
export function holdStep(name: string, orgId: string, untilSeconds: number): TransactionStep {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.portalName(name),
        UpdateExpression: 'SET #state = :held, expiresAt = :until',
        ConditionExpression: 'orgId = :org',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':held': 'held', ':until': untilSeconds, ':org': orgId },
      },
    },
    onConditionFailed: () => new Conflict('PORTAL_NAME_MOVED', `The portal name "${name}" no longer belongs to this organization.`),
  };
}

/** Keeps the active claim's copy of the organization's public face current (a step of the transaction that changes it). */
export function publicPortalStep(name: string, orgId: string, publicPortal: PublicPortal): TransactionStep {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.portalName(name),
        UpdateExpression: 'SET #public = :public',
        ConditionExpression: 'orgId = :org AND #state = :active',
        ExpressionAttributeNames: { '#public': 'public', '#state': 'state' },
        ExpressionAttributeValues: { ':public': publicPortal, ':org': orgId, ':active': 'active' },
      },
    },
    onConditionFailed: () => new Conflict('PORTAL_NAME_MOVED', `The portal name "${name}" no longer belongs to this organization.`),
  };
}
