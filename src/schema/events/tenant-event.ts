import type { ObjectRef } from '@pothos/core';
import type { Topic } from '../../subscriptions/topics';
import { builder } from '../builder';
import type { AnyEventParent, TopicParent } from './event-stream';

type EventType = ObjectRef<typeof builder.$inferSchemaTypes, AnyEventParent>;

/** Each topic's event type, as the vendors' event files register them. */
const TYPE_OF_TOPIC = new Map<Topic, EventType>();

/** Makes a topic's event type a member of TenantEvent; read when the schema is built, after every vendor's files. */
export function addTenantEvent<T extends Topic>(topic: T, type: ObjectRef<typeof builder.$inferSchemaTypes, TopicParent<T>>): void {
  TYPE_OF_TOPIC.set(topic, type as unknown as EventType);
}

export const TenantEvent = builder.unionType('TenantEvent', {
  description: 'Any event about one tenant, from any vendor.',
  types: () => [...TYPE_OF_TOPIC.values()],
  resolveType: (parent) => TYPE_OF_TOPIC.get(parent.event.topic)?.name,
});
