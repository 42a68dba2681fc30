import type { Topic } from '../../subscriptions/topics';
import type { builder } from '../builder';
import { eventStream, type TopicParent } from './event-stream';

/**
 * Events of one topic, about one subject when an id is given, about all otherwise. `sameSubject`
 * maps the ids a vendor writes one subject with onto one form (Reposit's `ep_x` and `rep_x`).
 */
export function topicStream<T extends Topic>(
  ctx: Parameters<typeof eventStream>[0],
  topic: T,
  subjectId: string | number | null | undefined,
  after: string | null | undefined,
  sameSubject?: (id: string) => string,
) {
  return eventStream<TopicParent<T>>(ctx, after, { topic, subjectId: subjectId == null ? undefined : String(subjectId), sameSubject });
}

/** The `after` argument every event subscription takes. */
export const afterArg = (t: PothosSchemaTypes.SubscriptionFieldBuilder<typeof builder.$inferSchemaTypes, object>) =>
  t.arg.string({ description: 'Replay the events stored after this event id, then go on live.' });
