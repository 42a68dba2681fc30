import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../../context';
import type { GatewayEvent } from '../../subscriptions/events';
import { eventContext, eventContextBase, EventStream, type EventAnswers, type EventContextBase, type EventParent } from './event-stream';

/**
 * Subscribers of one operation with the same variables get the same answer to an event: it is
 * worked out once, with one set of loaders, and handed to each of them. Ten thousand clients
 * watching a tenant then cost one execution, and at most one vendor read per resource, per
 * event, instead of ten thousand. Two subscribers share an answer only when they would get the
 * same one: the same agency (whose clients and links the answer reads) and the same scopes
 * (which decide the fields it may hold); nothing else of the context goes into an answer.
 *
 * Over graphql-ws (`context.frames`) the shared answer also goes out as one serialization, written
 * to every subscriber's socket; elsewhere each subscriber's stream yields it. Each subscriber keeps
 * its own place in the log, so replay after a cursor and the fall-back of a slow subscriber to the
 * log work as before. Events read back from the log are shared too when several subscribers read
 * the same page at once (the event hub's shared reads: a reconnect); otherwise a read-back's
 * events are new objects, answered for that subscriber alone.
 */
export function useSharedEventExecution(): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribeSharingAnswers as never);
    },
  };
}

type Answer = Promise<ExecutionResult> | ExecutionResult;

/**
 * Each operation's answers, by event: one object per operation key, which all its subscribers
 * hold, so that finding an event's answer is one lookup by object, not a lookup by event and then
 * by a long string (a tenth of a broadcast's time in JavaScript went to it). An answer goes with
 * its event once no subscriber holds that; the operation goes with its last subscriber.
 */
const operations = new Map<string, WeakRef<WeakMap<GatewayEvent, Answer>>>();
const forgotten = new FinalizationRegistry<string>((key) => {
  if (operations.get(key)?.deref() === undefined) operations.delete(key);
});

function answersOf(key: string): WeakMap<GatewayEvent, Answer> {
  let byEvent = operations.get(key)?.deref();
  if (!byEvent) {
    byEvent = new WeakMap();
    operations.set(key, new WeakRef(byEvent));
    forgotten.register(byEvent, key);
  }
  return byEvent;
}

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

/** graphql-js `subscribe`, with each event's answer looked up before it is worked out. */
async function subscribeSharingAnswers(args: ExecutionArgs) {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source;
  if (!(source instanceof EventStream)) return mapAsyncIterator(source, (payload: unknown) => execute({ ...args, rootValue: payload }));
  const context = args.contextValue as GatewayContext;
  const shared = new SharedAnswers(args, answersOf(operationKey(args)));
  if (context.frames) return source.sendAsFrames(context.frames, shared);
  return mapAsyncIterator(source, (parent: EventParent) => shared.answer(parent.event));
}

/**
 * One subscriber's way to its operation's answers: a class, since every subscriber holds one, and
 * it keeps of the operation only what an answer is worked out from, not its whole context.
 */
class SharedAnswers implements EventAnswers {
  private readonly schema: GraphQLSchema;
  private readonly document: DocumentNode;
  private readonly operationName: ExecutionArgs['operationName'];
  private readonly variableValues: ExecutionArgs['variableValues'];
  private readonly base: EventContextBase;

  constructor(
    args: ExecutionArgs,
    private readonly answers: WeakMap<GatewayEvent, Answer>,
  ) {
    this.schema = args.schema;
    this.document = args.document;
    this.operationName = args.operationName;
    this.variableValues = args.variableValues;
    this.base = eventContextBase(args.contextValue as GatewayContext);
  }

  answer(event: GatewayEvent): Answer {
    let result = this.answers.get(event);
    if (!result) {
      const context = eventContext(this.base);
      const rootValue: EventParent = { event, context };
      const { schema, document, operationName, variableValues } = this;
      this.answers.set(event, (result = execute({ schema, document, operationName, variableValues, contextValue: context, rootValue })));
    }
    return result;
  }
}

/** Same agency and scopes, same document (Yoga's parse cache hands out one object per query text), operation and variables. */
function operationKey(args: ExecutionArgs): string {
  const { agency, principal } = args.contextValue as GatewayContext;
  let id = documentIds.get(args.document);
  if (id === undefined) documentIds.set(args.document, (id = nextDocumentId++));
  return `${agency.id}\n${[...principal.scopes].sort().join(' ')}\n${id}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
}
