import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Needs } from '../functions/core/needs.ts';
import { FUNCTION_TIMEOUT_SECONDS } from '../functions/core/time-budget.ts';
import { type Bindables, environmentFor, grantsFor } from './needs-binding.ts';
import { aliasesOf, type BesideBundle, bundling } from './settings/bundling.ts';
import { FUNCTION_MEMORY_MB } from './settings/function-memory.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export interface HandlerFunctionProps {
  /** Absolute path of the entry file; it exports `handler`. */
  entry: string;
  needs: Needs;
  /** What it ships beside its bundle (`besideBundle`): a heavy library's files, its handlers' static files. */
  beside?: BesideBundle;
  bindables: Bindables;
  /** Longer than the default only for work that is not a request (a schedule's run). */
  timeout?: Duration;
}

/**
 * A Lambda with the project's defaults. Its environment and its role both come
 * from its `needs`, so it can use exactly what it was granted and nothing else;
 * the role may write only to the function's own log group (instead of the
 * managed basic-execution policy).
 */
export class HandlerFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH });
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    for (const statement of grantsFor(props.needs, props.bindables)) role.addToPolicy(statement);
    role.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    const { beside } = props;
    super(scope, id, {
      role,
      entry: props.entry,
      handler: 'handler',
      projectRoot,
      depsLockFilePath: `${projectRoot}package-lock.json`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: FUNCTION_MEMORY_MB,
      timeout: props.timeout ?? Duration.seconds(FUNCTION_TIMEOUT_SECONDS),
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      environment: environmentFor(props.needs, props.bindables),
      bundling: {
        target: bundling.target,
        format: OutputFormat.ESM,
        minify: bundling.minify,
        sourceMap: bundling.sourceMap,
        mainFields: [...bundling.mainFields],
        banner: bundling.banner,
        externalModules: [],
        esbuildArgs: Object.fromEntries(Object.entries(aliasesOf(beside)).map(([module, file]) => [`--alias:${module}`, file])),
        commandHooks: beside && {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => [
            ...beside.directories.map((directory) => `cp -R "${inputDir}/${directory.from}" "${outputDir}/${directory.to}"`),
            ...(beside.packageJson ? [`echo '${JSON.stringify(beside.packageJson)}' > "${outputDir}/package.json"`] : []),
          ],
        },
      },
    });
  }
}
