import { PayloadError } from '../normalise';
import type { CanopyNotification } from './types';

/** The events Canopy Referencing's callbacks become, named `entity:event`. */
export const CANOPY_REFERENCING_TOPICS = {
  requestStatusChanged: 'referencingRequest:statusChanged',
  passportStatusChanged: 'passport:statusChanged',
  passportNoteChanged: 'passport:noteChanged',
  referencingCompleted: 'referencing:completed',
} as const;

type Kind = CanopyNotification['kind'];

/** The notification, when it is of the kind; a stored event of another kind does not read. */
function ofKind<K extends Kind>(kind: K) {
  return (notification: CanopyNotification): Extract<CanopyNotification, { kind: K }> => {
    if (notification.kind !== kind) throw new PayloadError(`body: a ${notification.kind} notification, where a ${kind} one was stored`);
    return notification as Extract<CanopyNotification, { kind: K }>;
  };
}

/** The kind of callback each topic holds: the one table that storing and reading both go by. */
const KIND_OF_TOPIC = {
  requestStatusChanged: 'requestStatus',
  passportStatusChanged: 'passportStatus',
  passportNoteChanged: 'note',
  referencingCompleted: 'completedReport',
} as const satisfies Record<keyof typeof CANOPY_REFERENCING_TOPICS, Kind>;
type TopicKey = keyof typeof KIND_OF_TOPIC;

/** Each topic's reader of its kind of callback (the vendor's `topicNotifications`). */
export const CANOPY_REFERENCING_TOPIC_NOTIFICATIONS = Object.fromEntries(
  Object.entries(KIND_OF_TOPIC).map(([topic, kind]) => [topic, ofKind(kind)]),
) as { [T in TopicKey]: ReturnType<typeof ofKind<(typeof KIND_OF_TOPIC)[T]>> };

/** The topic a callback of each kind is stored under. */
export const CANOPY_REFERENCING_TOPIC_OF_KIND = Object.fromEntries(
  (Object.entries(KIND_OF_TOPIC) as Array<[TopicKey, Kind]>).map(([topic, kind]) => [kind, CANOPY_REFERENCING_TOPICS[topic]]),
) as Record<Kind, (typeof CANOPY_REFERENCING_TOPICS)[TopicKey]>;
