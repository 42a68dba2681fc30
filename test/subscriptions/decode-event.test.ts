import { describe, expect, it } from 'vitest';
import { PayloadError } from '../../src/sources/normalise';
import type { StoredEvent } from '../../src/subscriptions/event-log';
import { decodeEvent } from '../../src/subscriptions/events';
import { TOPICS } from '../../src/subscriptions/topics';
import { canopyExamples, REPOSIT_COMPLETED } from '../helpers/webhooks';

function stored(topic: string, payload: unknown): StoredEvent {
  return { id: '1700000000000-0', receivedAt: '2024-05-01T12:00:00.000Z', topic, tenantEmails: ['a@example.com'], subjectId: 'subject', payload };
}

describe('decodeEvent', () => {
  it('reads each topic’s body with its vendor’s reader, under the topic it was stored with', () => {
    const examples = [
      [TOPICS.requestStatusChanged, canopyExamples.requestStatus, 'requestStatus'],
      [TOPICS.passportStatusChanged, canopyExamples.passportStatus, 'passportStatus'],
      [TOPICS.passportNoteChanged, canopyExamples.note, 'note'],
      [TOPICS.referencingCompleted, canopyExamples.completedReport, 'completedReport'],
    ] as const;
    for (const [topic, body, kind] of examples) {
      expect(decodeEvent(stored(topic, body))).toMatchObject({ topic, subjectId: 'subject', notification: { kind } });
    }
    const reposit = decodeEvent(stored(TOPICS.repositChanged, REPOSIT_COMPLETED));
    expect(reposit).toMatchObject({ topic: TOPICS.repositChanged, notification: { action: 'reposit.completed', repositId: 'rep_F32iOv3xE3Nmrp' } });
    expect(reposit.receivedAt).toEqual(new Date('2024-05-01T12:00:00.000Z'));
  });

  it('refuses a Canopy body of another kind than its topic holds', () => {
    const decoding = () => decodeEvent(stored(TOPICS.passportStatusChanged, canopyExamples.note));
    expect(decoding).toThrow(PayloadError);
    expect(decoding).toThrow('body: a note notification, where a passportStatus one was stored');
  });

  it('refuses a body another vendor’s topic names, with that vendor’s reader', () => {
    expect(() => decodeEvent(stored(TOPICS.repositChanged, canopyExamples.note))).toThrow(/^resource_type: expected "reposit"/);
  });

  it('refuses a topic no vendor sends, naming it', () => {
    expect(() => decodeEvent(stored('reposit:event', REPOSIT_COMPLETED))).toThrow(new PayloadError('topic: no vendor sends "reposit:event"'));
  });
});
