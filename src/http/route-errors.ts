import type { Plugin } from 'graphql-yoga';

type OnRequest = NonNullable<Plugin['onRequest']>;

/**
 * The plugins, each `onRequest` guarded. A route that throws would otherwise reach whatwg-node's
 * last resort, which answers 500 with the error's stack as the body (server paths included);
 * guarded, the client gets a bare 500 and the error goes to the log, for every route present and
 * to come.
 */
export function withRouteErrors<P extends object>(plugins: P[], log: (error: unknown) => void): P[] {
  // Yoga's plugins differ in their context types; the request hook, all this touches, is the same.
  return plugins.map((plugin) => {
    const { onRequest } = plugin as Plugin;
    return onRequest ? { ...plugin, onRequest: guarded(onRequest, log) } : plugin;
  });
}

function guarded(onRequest: OnRequest, log: (error: unknown) => void): OnRequest {
  return (payload) => {
    const fail = (error: unknown) => {
      log(error);
      payload.endResponse(payload.fetchAPI.Response.json({ error: 'The gateway failed to answer this request.' }, { status: 500 }));
    };
    try {
      const done = onRequest(payload);
      // A synchronous route stays synchronous: most requests pass every route by.
      return done instanceof Promise ? done.catch(fail) : done;
    } catch (error) {
      fail(error);
    }
  };
}
