import { canonicalRepositId } from '../../sources/reposit/reposit-id';
import { REPOSIT_WEBHOOK_ACTION_VALUES } from '../../sources/reposit/types';
import type { GatewayEvent } from '../../subscriptions/events';
import { TOPICS } from '../../subscriptions/topics';
import { builder } from '../builder';
import type { EventParent } from '../events/event-stream';
import { addTenantEvent } from '../events/tenant-event';
import { afterArg, topicStream } from '../events/topic-stream';
import { VendorEvent } from '../events/vendor-event';
import { listed, vendorEnum } from '../vendor-enum';
import { loadReposits, Reposit, RepositTenant } from './reposit';

type Parent = EventParent<Extract<GatewayEvent, { topic: typeof TOPICS.repositChanged }>>;

const RepositEventActionEnum = vendorEnum(
  'RepositEventAction',
  REPOSIT_WEBHOOK_ACTION_VALUES,
  'What happened: a tenant confirmed, signed or paid (`reposit.tenant.*`), or every tenant paid and the cover is in place (`reposit.completed`).',
);

export const RepositEvent = builder.objectRef<Parent>('RepositEvent').implement({
  description: 'One of Reposit’s four webhook events about a reposit.',
  interfaces: [VendorEvent],
  isTypeOf: (parent) => (parent as EventParent).event.topic === TOPICS.repositChanged,
  fields: (t) => ({
    repositId: t.id({ resolve: ({ event }) => event.notification.repositId }),
    action: t.field({
      type: RepositEventActionEnum,
      resolve: ({ event }) => listed('RepositEventAction', REPOSIT_WEBHOOK_ACTION_VALUES, event.notification.action),
    }),
    timestamp: t.field({ type: 'DateTime', description: 'When it happened, by Reposit’s clock.', resolve: ({ event }) => event.notification.timestamp }),
    tenant: t.field({
      type: RepositTenant,
      nullable: true,
      description: 'The tenant who acted; null for `reposit.completed`.',
      resolve: ({ event }) => ('tenant' in event.notification ? event.notification.tenant : null),
    }),
    reposit: t.field({
      type: Reposit,
      nullable: true,
      description: 'The reposit as Reposit has it now.',
      resolve: async ({ event, context }) => (await loadReposits(context, [event.notification.repositId]))[0] ?? null,
    }),
  }),
});

addTenantEvent(TOPICS.repositChanged, RepositEvent);

builder.subscriptionFields((t) => ({
  repositEvents: t.field({
    type: RepositEvent,
    args: { repositId: t.arg.id(), after: afterArg(t) },
    subscribe: (_, args, ctx) => topicStream(ctx, TOPICS.repositChanged, args.repositId, args.after, canonicalRepositId),
    resolve: (parent) => parent,
  }),
}));
