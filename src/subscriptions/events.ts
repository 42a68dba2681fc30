import { PayloadError } from '../sources/normalise';
import { VENDOR_KEYS, VENDORS, type VendorKey } from '../sources/vendors';
import type { StoredEvent } from './event-log';

interface EventBase {
  id: string;
  receivedAt: Date;
  tenantEmails: string[];
  subjectId: string;
}

type Vendors = typeof VENDORS;
type NotificationOf<V> = V extends { webhook: { read(body: unknown): infer N } } ? N : never;
type NarrowedTo<V, Name> = V extends { topicNotifications: Record<Name & string, (notification: never) => infer N> } ? N : NotificationOf<V>;
/** Each of a vendor's topics with the notification it holds. */
type TopicEventOf<V> = V extends { topics: infer Topics } ? { [Name in keyof Topics]: { topic: Topics[Name]; notification: NarrowedTo<V, Name> } }[keyof Topics] : never;

/** A stored event, read back into the vendor's normalised notification. */
export type GatewayEvent = EventBase & { [K in VendorKey]: TopicEventOf<Vendors[K]> }[VendorKey];

type Reader = (payload: unknown) => unknown;

/** How each topic's stored bodies read: the vendor's webhook reader, then the topic's narrowing, if any. */
const READER_OF_TOPIC = new Map<string, Reader>(
  VENDOR_KEYS.flatMap((key) => {
    const vendor = VENDORS[key] as { topics?: Record<string, string>; webhook?: { read: Reader }; topicNotifications?: Record<string, Reader> };
    const { topics, webhook, topicNotifications } = vendor;
    if (!topics || !webhook) return [];
    return Object.entries(topics).map(([name, topic]): [string, Reader] => {
      const narrow = topicNotifications?.[name];
      return [topic, narrow ? (payload) => narrow(webhook.read(payload)) : webhook.read];
    });
  }),
);

/**
 * The log keeps each vendor body as received (JSON, and nothing lost); it is read again with the
 * vendor's own reader on the way out, so subscribers get dates and numbers, not strings.
 */
export function decodeEvent(stored: StoredEvent): GatewayEvent {
  const read = READER_OF_TOPIC.get(stored.topic);
  if (!read) throw new PayloadError(`topic: no vendor sends ${JSON.stringify(stored.topic)}`);
  // The topic's own reader gave the notification: topic and notification pair as GatewayEvent says.
  return {
    id: stored.id,
    receivedAt: new Date(stored.receivedAt),
    tenantEmails: stored.tenantEmails,
    subjectId: stored.subjectId,
    topic: stored.topic,
    notification: read(stored.payload),
  } as GatewayEvent;
}
