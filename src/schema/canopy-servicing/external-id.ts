import type { ExternalId as ExternalIdShape } from '../../sources/canopy-servicing/types';
import { builder } from '../builder';

export const ExternalId = builder.objectRef<ExternalIdShape>('ExternalId').implement({
  description: 'A static reference to an id in a third-party system.',
  fields: (t) => ({
    name: t.string({ nullable: true, description: 'Name of the external party.', resolve: (ref) => ref.name ?? null }),
    id: t.string({ nullable: true, description: 'The id in the external party’s system.', resolve: (ref) => ref.id ?? null }),
  }),
});

export interface ExternalIdInputShape {
  name?: string | null;
  id?: string | null;
}

export function toExternalIds(ids: ExternalIdInputShape[] | null | undefined): ExternalIdShape[] | undefined {
  return ids?.map((ref) => ({ name: ref.name ?? undefined, id: ref.id ?? undefined }));
}

export const ExternalIdInput = builder.inputRef<ExternalIdInputShape>('ExternalIdInput').implement({
  description: 'A static reference to an id in a third-party system.',
  fields: (t) => ({
    name: t.string({ description: 'Name of the external party.' }),
    id: t.string({ description: 'The id in the external party’s system.' }),
  }),
});
