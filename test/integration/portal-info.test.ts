import { describe, expect, it } from 'vitest';
import { withEnvironment } from '../../functions/core/config.ts';
import { publicPortalInfo } from '../../functions/core/portal-names/resolve.ts';
import { routes } from '../../functions/routes.ts';
import { attachCounter, recordCalls } from '../../scripts/bench/aws-calls.ts';
import { localEnvironment } from '../../scripts/local/function-environment.ts';
import { as } from '../support/api.ts';
import { local } from '../support/local.ts';
import { newOrganization, uniquePortalName } from '../support/staff.ts';

const info = (portalName: string) => as().get(`/v1/portal/${portalName}`);

describe("a portal's public info", () => {
  it('answers the current name and branding after an update and after a rename', async () => {
    const { org, api } = await newOrganization({ name: 'Acme Supplies', branding: { color: '#0a7d4f' } });
    expect((await info(org.portalName)).body.organization).toEqual({
      name: 'Acme Supplies',
      branding: { color: '#0a7d4f', appliedColor: '#0a7d4f', logoUrl: null },
    });

    expect((await api.patch(`/v1/orgs/${org.id}`, { name: 'Acme Trading', branding: { color: '#123456' } })).status).toBe(200);
    expect((await info(org.portalName)).body).toEqual({
      portalName: org.portalName,
      portalUrl: `${local().apiUrl}/p/${org.portalName}`,
      organization: { name: 'Acme Trading', branding: { color: '#123456', appliedColor: '#123456', logoUrl: null } },
    });

    const renamed = uniquePortalName('renamed');
    expect((await api.put(`/v1/orgs/${org.id}/portal`, { name: renamed })).status).toBe(200);
    expect((await info(renamed)).body.organization).toEqual({
      name: 'Acme Trading',
      branding: { color: '#123456', appliedColor: '#123456', logoUrl: null },
    });
    expect((await info(org.portalName)).status).toBe(404);

    expect((await api.put(`/v1/orgs/${org.id}/portal`, { enabled: false })).status).toBe(200);
    expect((await info(renamed)).status).toBe(404);
    expect((await api.put(`/v1/orgs/${org.id}/portal`, { enabled: true })).status).toBe(200);
    expect((await api.patch(`/v1/orgs/${org.id}`, { name: 'Acme Group' })).status).toBe(200);
    expect((await info(renamed)).body.organization.name).toBe('Acme Group');
  });

  it('is one DynamoDB call: the portal-name claim carries what the page shows', async () => {
    const { org } = await newOrganization();
    // In this process, as the bench does: the local services accept any credentials, the SDK only needs some.
    Object.assign(process.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
    const environment = localEnvironment(routes['GET /v1/portal/{portalName}'].needs, local());
    const calls = await withEnvironment(environment, () => {
      attachCounter(routes['GET /v1/portal/{portalName}'].needs);
      return recordCalls(() => publicPortalInfo(org.portalName));
    });
    expect(calls.map((call) => [call.command, call.input.Key])).toEqual([
      ['GetItemCommand', { PK: { S: `PORTAL_NAME#${org.portalName}` }, SK: { S: 'PORTAL_NAME' } }],
    ]);
  });
});
