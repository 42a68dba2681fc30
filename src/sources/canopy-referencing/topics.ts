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

/** The kind of callback each topic holds (the vendor's `topicNotifications`). */
export const CANOPY_REFERENCING_TOPIC_NOTIFICATIONS = {
  requestStatusChanged: ofKind('requestStatus'),
  passportStatusChanged: ofKind('passportStatus'),
  passportNoteChanged: ofKind('note'),
  referencingCompleted: ofKind('completedReport'),
} satisfies Record<keyof typeof CANOPY_REFERENCING_TOPICS, unknown>;
