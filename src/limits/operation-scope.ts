import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import { OperationDeadlineReached } from '../sources/call-scope';

export interface OperationScopeLimits {
  /** Milliseconds from the start of execution until the vendor calls still open are stopped. */
  deadlineMs: number;
  /** Fields the answer may resolve, list items included (each item's fields count). */
  maxAnswerNodes: number;
  /** Characters of text the answer may hold: the lengths of the strings its fields resolve to. */
  maxAnswerCharacters: number;
}

/**
 * What one query or mutation may still spend. Its `signal` stops the operation's vendor calls
 * when the client goes away, the deadline passes or the answer outgrows its budget; the
 * fields waiting on those calls then answer null with the reason, and the rest of the answer stays.
 */
export class OperationScope {
  readonly signal: AbortSignal;
  /** Set once the answer is over budget: the operation's whole answer is then this error. */
  overBudget: GraphQLError | undefined;
  private readonly controller = new AbortController();
  private readonly deadline: NodeJS.Timeout;
  private readonly stopForClient = () => this.controller.abort(clientGoneReason);
  private nodesLeft: number;
  private charactersLeft: number;

  constructor(
    private readonly limits: OperationScopeLimits,
    private readonly clientSignal: AbortSignal | undefined,
  ) {
    this.signal = this.controller.signal;
    this.nodesLeft = limits.maxAnswerNodes;
    this.charactersLeft = limits.maxAnswerCharacters;
    this.deadline = setTimeout(() => this.controller.abort(new OperationDeadlineReached(limits.deadlineMs)), limits.deadlineMs);
    if (clientSignal?.aborted) this.stopForClient();
    else clientSignal?.addEventListener('abort', this.stopForClient, { once: true });
  }

  /** Counts one resolved field; throws, and stops the vendor calls, once the answer is over budget. */
  spendNode(): void {
    if (--this.nodesLeft < 0) this.exceeded(`${this.limits.maxAnswerNodes} fields (MAX_ANSWER_NODES)`, this.limits.maxAnswerNodes);
  }

  /** Counts the characters of a resolved field's text; throws, and stops the vendor calls, once the answer holds too much. */
  spendCharacters(count: number): void {
    if ((this.charactersLeft -= count) < 0) this.exceeded(`${this.limits.maxAnswerCharacters} characters of text (MAX_ANSWER_CHARACTERS)`, this.limits.maxAnswerCharacters);
  }

  private exceeded(what: string, limit: number): never {
    if (!this.overBudget) {
      this.overBudget = createGraphQLError(`The answer is larger than this gateway serves: more than ${what}. Ask for fewer levels or fewer items.`, {
        extensions: { code: 'ANSWER_TOO_LARGE', limit },
      });
      this.controller.abort(this.overBudget);
    }
    // The same error each time: the rest of the execution unwinds without building new ones.
    throw this.overBudget;
  }

  /** The operation has its answer: nothing of it runs on. */
  end(): void {
    clearTimeout(this.deadline);
    this.clientSignal?.removeEventListener('abort', this.stopForClient);
  }
}

/** A GraphQLError, so the error masking does not log it as unexpected: nobody reads this answer. */
const clientGoneReason = createGraphQLError('The client went away before its answer was ready.', { extensions: { code: 'CLIENT_CLOSED_REQUEST' } });
