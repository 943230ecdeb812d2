import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { localClientConfig } from '../../scripts/local/aws-local.ts';
import { as } from '../support/api.ts';
import { local } from '../support/local.ts';
import { newOrganization, newStaffToken, uniquePortalName } from '../support/staff.ts';

const tableItem = async (PK: string, SK: string) => {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(local().dynamodb.endpoint)));
  return (await client.send(new GetCommand({ TableName: local().dynamodb.tableName, Key: { PK, SK } }))).Item;
};

describe('portal names', () => {
  it('refuses a name another organization holds with 409 PORTAL_NAME_TAKEN and creates nothing', async () => {
    const first = await newOrganization();
    const secondStaff = as(await newStaffToken());
    const response = await secondStaff.post('/v1/orgs', { name: 'Copycat Ltd', portalName: first.org.portalName });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      error: { code: 'PORTAL_NAME_TAKEN', message: `The portal name "${first.org.portalName}" is already taken. Choose another name.` },
    });
    expect((await secondStaff.get('/v1/orgs')).body.items).toEqual([]);
  });

  it('gives exactly one of 100 concurrent claims of one fresh name', async () => {
    const name = uniquePortalName('race');
    const tokens = await Promise.all(Array.from({ length: 10 }, () => newStaffToken()));
    const attempts = await Promise.all(
      Array.from({ length: 100 }, (_, index) => as(tokens[index % tokens.length]).post('/v1/orgs', { name: `Racer ${index}`, portalName: name })),
    );
    const statuses = attempts.map((attempt) => attempt.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(99);
    const winner = attempts.find((attempt) => attempt.status === 201)!.body;
    expect(await tableItem(`PORTAL_NAME#${name}`, 'PORTAL_NAME')).toMatchObject({ orgId: winner.id, state: 'active' });
    // The losers left no organization behind.
    const listed = await Promise.all(tokens.map((token) => as(token).get('/v1/orgs')));
    expect(listed.flatMap((response) => response.body.items)).toHaveLength(1);
  });

  it('answers 422 INVALID_PORTAL_NAME for names breaking the rules', async () => {
    const staff = as(await newStaffToken());
    for (const name of ['ab', '-shop', 'shop-', 'Shop Name', 'a'.repeat(64), 'shop--x', 'www', 'admin', 'ünïcode']) {
      const response = await staff.post('/v1/orgs', { name: 'Rule Breaker', portalName: name });
      expect(response.status, name).toBe(422);
      expect(response.body.error.code).toBe('INVALID_PORTAL_NAME');
    }
    expect((await staff.get('/v1/orgs')).body.items).toEqual([]);
  });

  it('reports availability', async () => {
    const { org, api } = await newOrganization();
    expect((await api.get(`/v1/portal-names/${org.portalName}`)).body).toEqual({ name: org.portalName, available: false, reason: 'taken' });
    const fresh = uniquePortalName();
    expect((await api.get(`/v1/portal-names/${fresh}`)).body).toEqual({ name: fresh, available: true });
    expect((await api.get('/v1/portal-names/api')).body).toEqual({ name: 'api', available: false, reason: 'reserved' });
    expect((await api.get('/v1/portal-names/no_underscores')).body).toEqual({ name: 'no_underscores', available: false, reason: 'invalid' });
  });

  it('renames in one step: new URL, generation bumped, old name held for this organization only', async () => {
    const { org, api } = await newOrganization();
    const oldName = org.portalName;
    const newName = uniquePortalName('renamed');
    const renamed = await api.put(`/v1/orgs/${org.id}/portal`, { name: newName });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({
      portalName: newName,
      portalUrl: `${local().apiUrl}/p/${newName}`,
      portalEnabled: true,
      portalGeneration: 2,
      defaultPermissions: ['view', 'approve', 'pay'],
      mfa: 'off',
      reinviteRequired: 0,
    });
    expect((await api.get(`/v1/orgs/${org.id}`)).body).toMatchObject({ portalName: newName, portalGeneration: 2, version: 2 });

    // The old URL is dead, the new one answers.
    expect((await as().get(`/v1/portal/${oldName}`)).status).toBe(404);
    expect((await as().get(`/v1/portal/${newName}`)).body.organization.name).toBe('Acme Supplies');

    // Nobody else can take the old name while it is held...
    const other = as(await newStaffToken());
    expect((await other.post('/v1/orgs', { name: 'Phisher', portalName: oldName })).status).toBe(409);
    expect((await other.get(`/v1/portal-names/${oldName}`)).body).toMatchObject({ available: false, reason: 'taken' });
    const hold = await tableItem(`PORTAL_NAME#${oldName}`, 'PORTAL_NAME');
    const thirtyDays = 30 * 86_400;
    expect(hold).toMatchObject({ orgId: org.id, state: 'held' });
    expect(Math.abs(hold!.expiresAt - (Math.floor(Date.now() / 1000) + thirtyDays))).toBeLessThan(60);

    // ...but its own organization may go back to it.
    const back = await api.put(`/v1/orgs/${org.id}/portal`, { name: oldName });
    expect(back.status).toBe(200);
    expect(back.body.portalGeneration).toBe(3);
  });

  it('refuses a rename to a taken name and changes nothing', async () => {
    const first = await newOrganization();
    const second = await newOrganization();
    const response = await second.api.put(`/v1/orgs/${second.org.id}/portal`, { name: first.org.portalName });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('PORTAL_NAME_TAKEN');
    expect((await second.api.get(`/v1/orgs/${second.org.id}`)).body).toMatchObject({ portalName: second.org.portalName, portalGeneration: 1, version: 1 });
    expect(await tableItem(`PORTAL_NAME#${second.org.portalName}`, 'PORTAL_NAME')).toMatchObject({ state: 'active', orgId: second.org.id });
  });

  it('disables and re-enables the portal; a disabled portal is 404', async () => {
    const { org, api } = await newOrganization();
    expect((await api.put(`/v1/orgs/${org.id}/portal`, { enabled: false })).body).toMatchObject({ portalEnabled: false, reinviteRequired: 0 });
    expect((await as().get(`/v1/portal/${org.portalName}`)).status).toBe(404);
    expect((await api.put(`/v1/orgs/${org.id}/portal`, { enabled: true })).body).toMatchObject({ portalEnabled: true, portalGeneration: 1 });
    expect((await as().get(`/v1/portal/${org.portalName}`)).status).toBe(200);
  });

  it('needs a portal name before the portal can be enabled', async () => {
    const staff = as(await newStaffToken());
    const org = (await staff.post('/v1/orgs', { name: 'Nameless' })).body;
    const response = await staff.put(`/v1/orgs/${org.id}/portal`, { enabled: true });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('PORTAL_NAME_REQUIRED');
    const named = await staff.put(`/v1/orgs/${org.id}/portal`, { name: uniquePortalName() });
    expect(named.body).toMatchObject({ portalEnabled: true, portalGeneration: 2 });
  });

  it('answers an unknown portal with 404', async () => {
    const response = await as().get(`/v1/portal/${uniquePortalName('ghost')}`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Portal was not found.' } });
  });
});
