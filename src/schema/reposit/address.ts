import type { RepositAddress as RepositAddressShape } from '../../sources/reposit/types';
import { builder } from '../builder';

export const RepositAddress = builder.objectRef<RepositAddressShape>('RepositAddress').implement({
  description: 'A postal address as Reposit keeps it.',
  fields: (t) => ({
    line1: t.exposeString('line1', { nullable: false, description: 'First line of the address.' }),
    line2: t.exposeString('line2', { nullable: true, description: 'Second line of the address.' }),
    town: t.exposeString('town', { nullable: false, description: 'Town or city.' }),
    country: t.exposeString('country', { nullable: false, description: 'ISO 3166-1 alpha-3 country code, e.g. GBR.' }),
    postcode: t.exposeString('postcode', { nullable: false, description: 'Postcode, e.g. EC2M 6YP.' }),
  }),
});
