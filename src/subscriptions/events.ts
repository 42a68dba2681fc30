import { readCanopyNotification } from '../sources/canopy-referencing/notifications';
import type {
  CanopyCompletedReportNotification,
  CanopyNoteNotification,
  CanopyPassportStatusNotification,
  CanopyRequestStatusNotification,
} from '../sources/canopy-referencing/types';
import type { RepositWebhookEvent } from '../sources/reposit/types';
import { parseRepositWebhook } from '../sources/reposit/webhook';
import type { StoredEvent } from './event-log';
import { TOPICS } from './topics';

interface EventBase {
  id: string;
  receivedAt: Date;
  tenantEmails: string[];
  subjectId: string;
}

/** A stored event, read back into the vendor's normalised notification. */
export type GatewayEvent =
  | (EventBase & { topic: typeof TOPICS.requestStatusChanged; notification: CanopyRequestStatusNotification })
  | (EventBase & { topic: typeof TOPICS.passportStatusChanged; notification: CanopyPassportStatusNotification })
  | (EventBase & { topic: typeof TOPICS.passportNoteChanged; notification: CanopyNoteNotification })
  | (EventBase & { topic: typeof TOPICS.referencingCompleted; notification: CanopyCompletedReportNotification })
  | (EventBase & { topic: typeof TOPICS.repositChanged; notification: RepositWebhookEvent });

/**
 * The log keeps each vendor body as received (JSON, and nothing lost); it is read again with the
 * vendor's own reader on the way out, so subscribers get dates and numbers, not strings.
 */
export function decodeEvent(stored: StoredEvent): GatewayEvent {
  const base: EventBase = {
    id: stored.id,
    receivedAt: new Date(stored.receivedAt),
    tenantEmails: stored.tenantEmails,
    subjectId: stored.subjectId,
  };
  if (stored.topic === TOPICS.repositChanged) {
    return { ...base, topic: TOPICS.repositChanged, notification: parseRepositWebhook(stored.payload) };
  }
  const notification = readCanopyNotification(stored.payload);
  switch (notification.kind) {
    case 'requestStatus':
      return { ...base, topic: TOPICS.requestStatusChanged, notification };
    case 'passportStatus':
      return { ...base, topic: TOPICS.passportStatusChanged, notification };
    case 'note':
      return { ...base, topic: TOPICS.passportNoteChanged, notification };
    case 'completedReport':
      return { ...base, topic: TOPICS.referencingCompleted, notification };
  }
}
