import * as z from 'zod';
import type { Double } from '../double.ts';
import type { FormParams } from '../form.ts';
import type { ObjectName, Owner } from '../objects.ts';
import { parseParams } from '../params.ts';

export interface ApiRequest {
  /** The `Stripe-Account` the request acts for; null for the platform. */
  owner: Owner;
  /** Query or body parameters, `expand` taken out. */
  params: FormParams;
  pathParams: Record<string, string>;
  path: string;
}

export type ApiHandler = (double: Double, request: ApiRequest) => object;

const NoParams = z.strictObject({});

/** A request that takes no parameters (but `expand`). */
export const noParams = (params: FormParams) => void parseParams(NoParams, params);

/** `GET /v1/<resources>/{id}`: the caller's own object, or 404. */
export const retrieve =
  (name: ObjectName): ApiHandler =>
  (double, { owner, params, pathParams }) => {
    noParams(params);
    return double.store.get(owner, name, pathParams.id!);
  };
