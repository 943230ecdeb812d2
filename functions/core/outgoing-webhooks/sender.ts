import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkUrl, type DestinationPolicy, ForbiddenDestination, guardedLookup } from './destination.ts';

/** A receiver has this long to answer; slower counts as a failure and is retried. */
const TIMEOUT_MS = 5_000;
/** Redirects followed, each checked like the endpoint's own URL. */
const MAX_REDIRECTS = 3;

/** What one attempt came to: the receiver's status, or why there was none. */
export type AttemptResult = { status: number } | { error: 'refused' | 'timeout' | 'unreachable' | 'too-many-redirects' };

function post(url: URL, body: string, headers: Record<string, string>, policy: DestinationPolicy): Promise<{ status: number; location?: string }> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString(), 'user-agent': 'Portico-Webhooks/1' },
        lookup: guardedLookup(policy),
        timeout: TIMEOUT_MS,
      },
      (response) => {
        // The body is not kept: only the status says whether the receiver took the event.
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Posts a signed event to a receiver, following at most three redirects, each
 * to a URL and an address checked like the endpoint's own. A 2xx is success.
 */
export async function postEvent(rawUrl: string, body: string, headers: Record<string, string>, policy: DestinationPolicy): Promise<AttemptResult> {
  let url = rawUrl;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    try {
      const { status, location } = await post(checkUrl(url, policy), body, headers, policy);
      if (status < 300 || status >= 400 || !location) return { status };
      url = new URL(location, url).toString();
    } catch (error) {
      if (error instanceof ForbiddenDestination) return { error: 'refused' };
      return { error: (error as Error).message === 'timeout' ? 'timeout' : 'unreachable' };
    }
  }
  return { error: 'too-many-redirects' };
}
