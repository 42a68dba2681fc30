/** The events Canopy Referencing's callbacks become, named `entity:event`. */
export const CANOPY_REFERENCING_TOPICS = {
  requestStatusChanged: 'referencingRequest:statusChanged',
  passportStatusChanged: 'passport:statusChanged',
  passportNoteChanged: 'passport:noteChanged',
  referencingCompleted: 'referencing:completed',
} as const;
