import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../../context';
import type { EventParent } from './event-stream';

/**
 * Subscribers of one operation with the same variables get the same answer to an event: it is
 * worked out once, with one set of loaders, and handed to each of them. Ten thousand clients
 * watching a tenant then cost one execution, and at most one vendor read per resource, per
 * event, instead of ten thousand. This holds because the context carries nothing else of the
 * client: every subscriber of a gateway acts for its one agency, and the principal's scopes,
 * which decide what an answer may hold, are part of the key.
 *
 * Only the per-event execution is shared. Each subscriber keeps its own event stream, so replay
 * after a cursor and the fall-back of a slow subscriber to the log work as before; events read
 * back from the log are new objects, and are answered for that subscriber alone.
 */
export function useSharedEventExecution(): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribeSharingAnswers as never);
    },
  };
}

/** The answers to each event, by operation; dropped with the event once no subscriber holds it. */
const answers = new WeakMap<object, Map<string, Promise<ExecutionResult> | ExecutionResult>>();
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

/** graphql-js `subscribe`, with each event's answer looked up before it is worked out. */
async function subscribeSharingAnswers(args: ExecutionArgs) {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source;
  const key = operationKey(args);
  return mapAsyncIterator(source, (payload: unknown) => answerOnce(payload, key, () => execute({ ...args, rootValue: payload })));
}

function answerOnce(payload: unknown, key: string, work: () => Promise<ExecutionResult> | ExecutionResult) {
  // Every subscriber is handed the same decoded event object; anything else is answered alone.
  const event = (payload as Partial<EventParent> | null)?.event;
  if (typeof event !== 'object' || event === null) return work();
  let byOperation = answers.get(event);
  if (!byOperation) answers.set(event, (byOperation = new Map()));
  let answer = byOperation.get(key);
  if (!answer) byOperation.set(key, (answer = work()));
  return answer;
}

/** Same document (Yoga's parse cache hands out one object per query text), operation, scopes and variables. */
function operationKey(args: ExecutionArgs): string {
  let id = documentIds.get(args.document);
  if (id === undefined) documentIds.set(args.document, (id = nextDocumentId++));
  const scopes = [...(args.contextValue as GatewayContext).principal.scopes].sort().join(' ');
  return `${id}\n${args.operationName ?? ''}\n${scopes}\n${JSON.stringify(args.variableValues ?? {})}`;
}
