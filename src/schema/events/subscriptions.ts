import { normaliseEmail } from '../../links/email';
import { builder } from '../builder';
import { eventStream, type AnyEventParent } from './event-stream';
import { TenantEvent } from './tenant-event';
import { afterArg } from './topic-stream';

// Each vendor's own subscriptions, one topic each, are beside its event types (topicStream).
builder.subscriptionFields((t) => ({
  tenantEvents: t.field({
    type: TenantEvent,
    description: 'Every change any vendor reports about one tenant.',
    args: { email: t.arg.string({ required: true }), after: afterArg(t) },
    subscribe: (_, { email, after }, ctx) => eventStream(ctx, after, { tenantEmail: normaliseEmail(email) }),
    resolve: (parent: AnyEventParent) => parent,
  }),
}));
