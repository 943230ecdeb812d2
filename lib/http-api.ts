import { Validations } from 'aws-cdk-lib';
import { type CfnStage, HttpApi, HttpMethod, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Route } from '../functions/routes.ts';
import { HandlerFunction } from './handler-function.ts';
import type { Bindables } from './needs-binding.ts';
import { besideBundle } from './settings/bundling.ts';
import { FALLBACK_GROUP, functionGroups, groupEntry } from './settings/function-groups.ts';
import type { UserPools } from './user-pools.ts';

function acknowledgePublic(routes: Construct[], reason: string) {
  for (const route of routes) Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
}

export interface PorticoApiProps {
  pools: UserPools;
  bindables: (api: HttpApi) => Bindables;
  /** The routes to serve; the route table unless a test adds one. */
  routes?: Route[];
}

/**
 * The HTTP API: one route per route-table key, one function per set of needs
 * (lib/settings/function-groups.ts), JWT authorizers for the two pools, and a
 * catch-all answering 404/405.
 */
export class PorticoApi extends Construct {
  readonly api: HttpApi;
  readonly bindables: Bindables;
  /** The API's functions by group name. */
  readonly functions = new Map<string, HandlerFunction>();

  constructor(scope: Construct, id: string, props: PorticoApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Http', { description: 'Portico API' });
    this.bindables = props.bindables(this.api);
    const authorizers: Record<Exclude<Route['auth'], 'none'>, IHttpRouteAuthorizer> = {
      staff: new HttpUserPoolAuthorizer('Staff', props.pools.staff.pool, { userPoolClients: [props.pools.staff.client] }),
      member: undefined!,
      portal: new HttpUserPoolAuthorizer('Portal', props.pools.portal.pool, { userPoolClients: [props.pools.portal.client] }),
    };
    authorizers.member = authorizers.staff;

    for (const group of functionGroups(props.routes)) {
      const handler = new HandlerFunction(this, group.name, {
        entry: groupEntry(group),
        needs: group.needs,
        beside: besideBundle(group),
        bindables: this.bindables,
      });
      this.functions.set(group.name, handler);
      // One integration and one invoke permission per function, not per route. The permission names the
      // API, not a path: which function a route reaches is the integration's choice, not the caller's.
      const integration = new HttpLambdaIntegration(`${group.name}Integration`, handler, { scopePermissionToRoute: false });
      for (const route of group.routes) {
        const added = this.api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          authorizer: route.auth === 'none' ? undefined : authorizers[route.auth],
        });
        if (route.auth === 'none') acknowledgePublic(added, `${route.key} is public by design: ${route.summary}.`);
      }
      if (group.name !== FALLBACK_GROUP) continue;
      // Unknown paths and wrong methods reach a function that knows the route table.
      const fallback = this.api.addRoutes({ path: '/{proxy+}', methods: [HttpMethod.ANY], integration });
      acknowledgePublic(fallback, 'The fallback only answers 404 or 405 for requests no route matches; it reads no data.');
    }
    this.enableAccessLogs();
  }

  private enableAccessLogs() {
    const logs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    const stage = this.api.defaultStage!.node.defaultChild as CfnStage;
    stage.accessLogSettings = {
      destinationArn: logs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latencyMs: '$context.responseLatency',
        integrationError: '$context.integrationErrorMessage',
        authorizerError: '$context.authorizer.error',
        ip: '$context.identity.sourceIp',
      }),
    };
    stage.defaultRouteSettings = { throttlingBurstLimit: 200, throttlingRateLimit: 100 };
  }
}
