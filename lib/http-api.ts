import { Validations } from 'aws-cdk-lib';
import { CfnStage, HttpApi, HttpMethod, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FALLBACK_ENTRY, routeList, type Route } from '../functions/core/routes.ts';
import { HandlerFunction } from './handler-function.ts';
import { FunctionRoles, type Bindables } from './needs-binding.ts';
import type { UserPools } from './user-pools.ts';

function acknowledgePublic(routes: Construct[], reason: string) {
  for (const route of routes) Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
}

const functionId = (entry: string) => entry.replace(/(^|[/-])(\w)/g, (_, __, letter: string) => letter.toUpperCase());

/**
 * The HTTP API: one route per route-table key, one function per handler entry,
 * JWT authorizers for the two pools, and `$default` answering 404/405.
 */
export class PorticoApi extends Construct {
  readonly api: HttpApi;
  readonly functions = new Map<string, HandlerFunction>();

  constructor(scope: Construct, id: string, props: { pools: UserPools; bindables: (api: HttpApi) => Bindables }) {
    super(scope, id);
    this.api = new HttpApi(this, 'Http', { description: 'Portico API' });
    const bindables = props.bindables(this.api);
    const roles = new FunctionRoles(this, 'Roles', bindables);
    const authorizers: Record<Exclude<Route['auth'], 'none'>, IHttpRouteAuthorizer> = {
      staff: new HttpUserPoolAuthorizer('Staff', props.pools.staff.pool, { userPoolClients: [props.pools.staff.client] }),
      member: undefined!,
      portal: new HttpUserPoolAuthorizer('Portal', props.pools.portal.pool, { userPoolClients: [props.pools.portal.client] }),
    };
    authorizers.member = authorizers.staff;

    for (const route of routeList()) {
      const handler = this.handlerFor(route.entry, route.needs, bindables, roles);
      const added = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${functionId(route.entry)}Integration`, handler),
        authorizer: route.auth === 'none' ? undefined : authorizers[route.auth],
      });
      if (route.auth === 'none') acknowledgePublic(added, `${route.key} is public by design: ${route.summary}.`);
    }
    // Unknown paths and wrong methods reach a function that knows the route table.
    const fallback = this.api.addRoutes({
      path: '/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('FallbackIntegration', this.handlerFor(FALLBACK_ENTRY, {}, bindables, roles)),
    });
    acknowledgePublic(fallback, 'The fallback only answers 404 or 405 for requests no route matches; it reads no data.');
    this.enableAccessLogs();
  }

  private handlerFor(entry: string, needs: Route['needs'], bindables: Bindables, roles: FunctionRoles): HandlerFunction {
    let handler = this.functions.get(entry);
    if (!handler) {
      handler = new HandlerFunction(this, functionId(entry), { entry, needs, bindables, roles });
      this.functions.set(entry, handler);
    }
    return handler;
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
