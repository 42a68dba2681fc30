import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FramedSubscription } from '../../src/subscriptions/framed-subscription';

/** A subscription that records what it sends and whether its feed was stopped. */
class Recorded extends FramedSubscription {
  sent: ExecutionResult[] = [];
  stops = 0;
  protected sendAnswer(answer: ExecutionResult): void {
    this.sent.push(answer);
  }
  protected async stop(): Promise<void> {
    this.stops++;
  }
}

function ends(subscription: FramedSubscription) {
  const seen: Array<ExecutionResult | undefined> = [];
  subscription.onEnd({ subscriptionEnded: (final) => seen.push(final) });
  return seen;
}

describe('a framed subscription', () => {
  it('is no async iterable to envelop, and its stream waits until it ends', async () => {
    const subscription = new Recorded();
    expect(Symbol.asyncIterator in subscription).toBe(false);
    const stream = subscription.stream();
    let settled = false;
    const step = stream.next().then((result) => ((settled = true), result));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    const seen = ends(subscription);
    await stream.return!();
    expect(await step).toEqual({ done: true, value: undefined });
    expect(seen).toEqual([undefined]);
    expect(subscription.stops).toBeGreaterThan(0);
  });

  it('sends its last answer itself, then its stream ends, and tells its listeners once', async () => {
    const subscription = new Recorded();
    const seen = ends(subscription);
    const step = subscription.stream().next();
    const last = { errors: [new GraphQLError('lapsed', { extensions: { code: 'UNAUTHENTICATED' } })] };
    subscription.finish(last);
    subscription.finish({ data: {} });
    expect(await step).toEqual({ done: true, value: undefined });
    expect(subscription.sent).toEqual([last]);
    expect(seen).toEqual([last]);
    expect(subscription.stops).toBe(1);
  });

  it('fails its stream with its error, whether graphql-ws waits already or asks later', async () => {
    const error = new GraphQLError('gone', { extensions: { code: 'EVENTS_EXPIRED' } });
    const waiting = new Recorded();
    const step = waiting.stream().next();
    waiting.failWith(error);
    await expect(step).rejects.toBe(error);

    const later = new Recorded();
    const seen = ends(later);
    later.failWith(error);
    const stream = later.stream();
    await expect(stream.next()).rejects.toBe(error);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(seen).toEqual([{ errors: [error] }]);
  });

  it('tells a listener that comes after its end at once', async () => {
    const subscription = new Recorded();
    await subscription.return();
    expect(ends(subscription)).toEqual([undefined]);
  });
});
