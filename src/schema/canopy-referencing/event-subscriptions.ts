import { TOPICS } from '../../subscriptions/topics';
import { builder } from '../builder';
import { afterArg, topicStream } from '../events/topic-stream';
import { PassportStatusEvent } from './passport-status-event';
import { PassportNoteEvent, ReferencingCompletedEvent, RequestStatusEvent } from './referencing-events';

builder.subscriptionFields((t) => ({
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
}));
