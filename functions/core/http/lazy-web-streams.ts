/**
 * Stands in for `node:stream/web` in every bundle (lib/settings/bundling.ts):
 * @middy/core imports it only to stream a response, which no Portico function
 * does, and loading Node's web streams at import cost each cold start about
 * 4 ms. This one defers to the global class, which Node loads on first use.
 */
export const ReadableStream: typeof globalThis.ReadableStream = new Proxy(function ReadableStream() {} as unknown as typeof globalThis.ReadableStream, {
  construct: (_target, args) => new globalThis.ReadableStream(...args),
  get: (_target, key) => Reflect.get(globalThis.ReadableStream, key),
});
