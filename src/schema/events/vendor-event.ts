import { builder } from '../builder';
import type { EventParent } from './event-stream';

export const VendorEvent = builder.interfaceRef<EventParent>('VendorEvent').implement({
  description: 'A notification a vendor sent the gateway, as stored.',
  fields: (t) => ({
    id: t.id({
      description: 'The event’s place in the log: pass it as `after` to resume after this event.',
      resolve: ({ event }) => event.id,
    }),
    receivedAt: t.field({ type: 'DateTime', description: 'When the gateway accepted it.', resolve: ({ event }) => event.receivedAt }),
  }),
});
