/** Every kind of event the gateway stores and fans out, named `entity:event`. */
export const TOPICS = {
  requestStatusChanged: 'referencingRequest:statusChanged',
  passportStatusChanged: 'passport:statusChanged',
  passportNoteChanged: 'passport:noteChanged',
  referencingCompleted: 'referencing:completed',
  repositChanged: 'reposit:changed',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];
