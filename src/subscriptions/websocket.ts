import type { Server } from 'node:http';
import { GraphQLError, type DocumentNode, type ExecutionArgs } from 'graphql';
import type { OperationResult } from 'graphql-ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Principal } from '../auth/principal';
import type { CallerAuthentication } from '../http/authentication';
import type { PersistedDocuments } from '../persisted-documents/persisted-documents';
import { ClientOperations } from './client-operations';
import { serveGraphqlWs } from './graphql-ws-sockets';
import { FramedSubscription } from './framed-subscription';
import { createAnswerMasking, operationFrames } from './operation-frames';

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
}

export interface WebSocketDeps {
  authentication: CallerAuthentication;
  /** Whether a browser page of this origin may open a socket (CORS_ORIGINS); a client sending no Origin is not a page. */
  allowsOrigin: (origin: string) => boolean;
  /** Which document an operation runs: persisted or text (PERSISTED_DOCUMENTS). */
  documents: Pick<PersistedDocuments, 'documentFor'>;
  /** An error as a client may see it, as Yoga masks every error it sends (its maskedErrors). */
  maskError: (error: unknown) => GraphQLError;
}

/**
 * graphql-ws on the GraphQL path of an HTTP server. An upgrade whose `Origin` is not allowed
 * (`allowsOrigin`, the CORS rules) is refused with 403 before the handshake: a browser opens a
 * WebSocket to any site without a preflight. Clients other than browsers send no Origin. A socket is authenticated once, from its
 * connection_init payload (never from the URL), and closed with 4401 or 4403 when refused.
 * Operations go through Yoga's own pipeline (`getEnveloped`), so its plugins, context and error
 * masking apply over WebSocket too, and each carries the socket's principal and the signal of its
 * client going away (`clientSignal`), which stops its vendor calls. Yoga's `onParams` does not
 * run here, so the document is chosen by `documents` first: a persisted one named by `documentId`
 * or `extensions.persistedQuery` (with `query: ""`, which graphql-ws requires to be a string), or
 * the text, where the principal may send text. A subscription's events skip graphql-ws's
 * per-message path: each operation's `frames` write them to the socket (see operation-frames.ts),
 * and graphql-ws drives the framed subscription's own stream (see framed-subscription.ts).
 * Returns the function that closes every socket.
 */
export function attachWebSockets(
  server: Server,
  yoga: YogaServerInstance<any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any Yoga instance
  { authentication, allowsOrigin, documents, maskError }: WebSocketDeps,
): () => Promise<void> {
  const sockets = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    // ws reads the Origin header (Sec-WebSocket-Origin of the oldest protocol version) into `origin`.
    verifyClient: ({ origin }, accept) => accept(!origin || allowsOrigin(origin), 403, 'Origin not allowed'),
  });
  const operations = new WeakMap<WebSocket, ClientOperations>();
  const operationsOf = (socket: WebSocket) => operations.get(socket) as ClientOperations;
  const principals = new WeakMap<WebSocket, Principal>();
  const masking = createAnswerMasking(maskError);
  const stopPings = serveGraphqlWs(
    sockets,
    {
      onConnect: async (ctx) => {
        try {
          principals.set(ctx.extra.socket, await authentication.fromConnectionParams(ctx.connectionParams));
          // The socket keeps its principal, not the credential it was given (graphql-ws would keep it as long as the socket).
          (ctx as { connectionParams?: unknown }).connectionParams = undefined;
          return true;
        } catch (error) {
          const refusal = authentication.refusalOf(error);
          if (!refusal) throw error;
          ctx.extra.socket.close(refusal.closeCode, refusal.message.slice(0, 120));
          return false;
        }
      },
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args),
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args),
      onOperation: (ctx, id, payload, args, result) => {
        if (!(result instanceof FramedSubscription)) return undefined;
        // graphql-ws keeps the operation's arguments and message for as long as it runs, for an
        // onNext hook this server does not set. A framed subscription has taken what it needs, so
        // its context and query text go now; so does its signal, which only a subscribe in flight uses.
        args.contextValue = undefined;
        args.rootValue = undefined;
        (payload as { query: string }).query = '';
        operationsOf(ctx.extra.socket).end(id, payload);
        return result.stream();
      },
      onSubscribe: async (ctx, id, payload) => {
        const principal = principals.get(ctx.extra.socket);
        let query: string;
        try {
          query = documents.documentFor(payload, principal);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const params = { ...payload, query };
        // Only what the plugins and the context read: graphql-ws's own state stays out of every operation's context.
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          principal,
          // The message's own payload: onComplete and onError end the operation by it.
          clientSignal: operationsOf(ctx.extra.socket).start(id, payload),
          frames: operationFrames(ctx.extra.socket, id, masking),
        });
        let document: DocumentNode;
        try {
          document = parse(query);
        } catch (error) {
          // A document refused by the parser (syntax, token limit) is the client's error, not the socket's.
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const args: ExecutionArgs = {
          schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe } as EnvelopedRoot,
        };
        const errors = validate(args.schema, args.document);
        return errors.length > 0 ? errors : args;
      },
      // Every operation ends in one of these (or with its socket), refused ones included.
      onComplete: (ctx, id, payload) => operationsOf(ctx.extra.socket).end(id, payload),
      onError: (ctx, id, payload) => void operationsOf(ctx.extra.socket).end(id, payload),
    },
    (socket) => {
      const running = new ClientOperations();
      operations.set(socket, running);
      return running;
    },
  );
  return async () => {
    stopPings();
    for (const client of sockets.clients) client.terminate();
    await new Promise<void>((resolve) => sockets.close(() => resolve()));
  };
}
