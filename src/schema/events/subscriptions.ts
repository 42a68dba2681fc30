import { normaliseEmail } from '../../links/email';
import { canonicalRepositId } from '../../sources/reposit/reposit-id';
import type { StoredEvent } from '../../subscriptions/event-log';
import { TOPICS, type Topic } from '../../subscriptions/topics';
import { builder } from '../builder';
import { eventStream, type AnyEventParent, type TopicParent } from './event-stream';
import { PassportStatusEvent } from './passport-status-event';
import { PassportNoteEvent, ReferencingCompletedEvent, RequestStatusEvent } from './referencing-events';
import { RepositEvent } from './reposit-event';

const TYPE_OF_TOPIC: Record<Topic, string> = {
  [TOPICS.requestStatusChanged]: 'RequestStatusEvent',
  [TOPICS.passportStatusChanged]: 'PassportStatusEvent',
  [TOPICS.passportNoteChanged]: 'PassportNoteEvent',
  [TOPICS.referencingCompleted]: 'ReferencingCompletedEvent',
  [TOPICS.repositChanged]: 'RepositEvent',
};

export const TenantEvent = builder.unionType('TenantEvent', {
  description: 'Any event about one tenant, from any vendor.',
  types: [RequestStatusEvent, PassportStatusEvent, PassportNoteEvent, ReferencingCompletedEvent, RepositEvent],
  resolveType: (parent) => TYPE_OF_TOPIC[parent.event.topic],
});

/**
 * Events of one topic, about one subject when an id is given, about all otherwise. `sameSubject`
 * maps the ids a vendor writes one subject with onto one form (Reposit's `ep_x` and `rep_x`).
 */
function topicStream<T extends Topic>(
  ctx: Parameters<typeof eventStream>[0],
  topic: T,
  subjectId: string | number | null | undefined,
  after: string | null | undefined,
  sameSubject: (id: string) => string = (id) => id,
) {
  const wanted = subjectId == null ? undefined : sameSubject(String(subjectId));
  const accept = (event: StoredEvent) => event.topic === topic && (wanted === undefined || sameSubject(event.subjectId) === wanted);
  return eventStream<TopicParent<T>>(ctx, after, accept);
}

const afterArg = (t: PothosSchemaTypes.SubscriptionFieldBuilder<typeof builder.$inferSchemaTypes, object>) =>
  t.arg.string({ description: 'Replay the events stored after this event id, then go on live.' });

builder.subscriptionFields((t) => ({
  tenantEvents: t.field({
    type: TenantEvent,
    description: 'Every change any vendor reports about one tenant.',
    args: { email: t.arg.string({ required: true }), after: afterArg(t) },
    subscribe: (_, { email, after }, ctx) => {
      const wanted = normaliseEmail(email);
      return eventStream(ctx, after, (event) => event.tenantEmails.includes(wanted));
    },
    resolve: (parent: AnyEventParent) => parent,
  }),
  passportStatusChanged: t.field({
    type: PassportStatusEvent,
    args: { canopyReferenceId: t.arg.id(), after: afterArg(t) },
    subscribe: (_, args, ctx) => topicStream(ctx, TOPICS.passportStatusChanged, args.canopyReferenceId, args.after),
    resolve: (parent) => parent,
  }),
  referencingRequestStatusChanged: t.field({
    type: RequestStatusEvent,
    args: { canopyReferenceId: t.arg.id(), after: afterArg(t) },
    subscribe: (_, args, ctx) => topicStream(ctx, TOPICS.requestStatusChanged, args.canopyReferenceId, args.after),
    resolve: (parent) => parent,
  }),
  passportNoteChanged: t.field({
    type: PassportNoteEvent,
    args: { canopyReferenceId: t.arg.id(), after: afterArg(t) },
    subscribe: (_, args, ctx) => topicStream(ctx, TOPICS.passportNoteChanged, args.canopyReferenceId, args.after),
    resolve: (parent) => parent,
  }),
  referencingCompleted: t.field({
    type: ReferencingCompletedEvent,
    args: { canopyReferenceId: t.arg.id(), after: afterArg(t) },
    subscribe: (_, args, ctx) => topicStream(ctx, TOPICS.referencingCompleted, args.canopyReferenceId, args.after),
    resolve: (parent) => parent,
  }),
  repositEvents: t.field({
    type: RepositEvent,
    args: { repositId: t.arg.id(), after: afterArg(t) },
    subscribe: (_, args, ctx) => topicStream(ctx, TOPICS.repositChanged, args.repositId, args.after, canonicalRepositId),
    resolve: (parent) => parent,
  }),
}));
