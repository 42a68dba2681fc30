import type { StoredEvent } from './event-log';

/**
 * Which of an agency's events a subscription wants, in a form the fan-out can index: every
 * event about one tenant, or the events of one topic, about one subject or about any.
 * `sameSubject` maps the ids a vendor writes one subject with onto one form (Reposit's `ep_x`
 * and `rep_x`); it is the topic's, so every interest in a topic passes the same one.
 */
export type EventInterest = { tenantEmail: string } | { topic: string; subjectId?: string; sameSubject?: (id: string) => string };

export function accepts(interest: EventInterest, event: StoredEvent): boolean {
  if ('tenantEmail' in interest) return event.tenantEmails.includes(interest.tenantEmail);
  if (event.topic !== interest.topic) return false;
  if (interest.subjectId === undefined) return true;
  const same = interest.sameSubject ?? identity;
  return same(event.subjectId) === same(interest.subjectId);
}

/** The one index key an interest is filed under. */
export function interestKey(interest: EventInterest): string {
  if ('tenantEmail' in interest) return tenantKey(interest.tenantEmail);
  if (interest.subjectId === undefined) return topicKey(interest.topic);
  return subjectKey(interest.topic, (interest.sameSubject ?? identity)(interest.subjectId));
}

/**
 * Every key an event is wanted under: one per tenant, its topic, and its topic with its subject.
 * `sameSubjectOf` gives the topic's subject mapping, as the interests filed under it passed it.
 */
export function eventKeys(event: StoredEvent, sameSubjectOf: (topic: string) => ((id: string) => string) | undefined): string[] {
  const same = sameSubjectOf(event.topic) ?? identity;
  const tenants = event.tenantEmails.length > 1 ? [...new Set(event.tenantEmails)] : event.tenantEmails;
  return [...tenants.map(tenantKey), topicKey(event.topic), subjectKey(event.topic, same(event.subjectId))];
}

const identity = (id: string) => id;
// A NUL cannot be in an e-mail, a topic or an id the gateway accepted, so no two kinds of key meet.
const tenantKey = (email: string) => `t\0${email}`;
const topicKey = (topic: string) => `p\0${topic}`;
const subjectKey = (topic: string, subject: string) => `s\0${topic}\0${subject}`;
