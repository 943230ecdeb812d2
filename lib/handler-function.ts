import { Duration } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import type { Needs } from '../functions/core/routes.ts';
import { bundling } from './settings/bundling.ts';
import { environmentFor, type Bindables, type FunctionRoles } from './needs-binding.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * One Lambda per handler entry, with the project's defaults. Its environment and
 * its role both come from the route's `needs`, so a function can use exactly
 * what it was granted and nothing else.
 */
export class HandlerFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: { entry: string; needs: Needs; bindables: Bindables; roles: FunctionRoles }) {
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH });
    super(scope, id, {
      // A role for its needs, writing only to its functions' log groups (instead of the managed basic-execution policy).
      role: props.roles.roleFor(props.needs, logGroup),
      entry: `${projectRoot}functions/${props.entry}.ts`,
      handler: 'handler',
      projectRoot,
      depsLockFilePath: `${projectRoot}package-lock.json`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...environmentFor(props.needs, props.bindables) },
      bundling: {
        target: bundling.target,
        format: OutputFormat.ESM,
        minify: bundling.minify,
        sourceMap: bundling.sourceMap,
        mainFields: [...bundling.mainFields],
        banner: bundling.banner,
        externalModules: [],
      },
    });
  }
}
