import { NOTE_SECTION_VALUES } from '../../sources/canopy-referencing/enums';
import type { CanopyPassportNote, CanopyPassportNotes } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';
import { listed } from '../vendor-enum';
import { PassportNoteSectionEnum } from './enums';

const PassportNote = builder.objectRef<CanopyPassportNote>('PassportNote').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    createdAt: t.field({ type: 'DateTime', resolve: (note) => note.createdAt }),
  }),
});

const SectionNotes = builder.objectRef<CanopyPassportNotes['sections'][number]>('PassportSectionNotes').implement({
  description: 'The notes of one passport section.',
  fields: (t) => ({
    section: t.field({
      type: PassportNoteSectionEnum,
      resolve: (notes) => listed('PassportNoteSection', NOTE_SECTION_VALUES, notes.section),
    }),
    agentNotes: t.field({ type: [PassportNote], description: 'Notes the agency’s staff wrote.', resolve: (notes) => notes.agentNotes }),
    reportNotes: t.field({ type: [PassportNote], description: 'Notes that appear in the report.', resolve: (notes) => notes.reportNotes }),
  }),
});

const PassportRenter = builder.objectRef<CanopyPassportNotes['renter']>('PassportRenter').implement({
  description: 'The person whose passport it is.',
  fields: (t) => ({
    email: t.exposeString('email'),
    firstName: t.exposeString('firstName'),
    lastName: t.exposeString('lastName'),
  }),
});

export const PassportNotes = builder.objectRef<CanopyPassportNotes>('PassportNotes').implement({
  description: 'Every note of the Rent Passport, but only of the sections the referencing request has access to.',
  fields: (t) => ({
    renter: t.field({ type: PassportRenter, resolve: (notes) => notes.renter }),
    sections: t.field({ type: [SectionNotes], resolve: (notes) => notes.sections }),
  }),
});
