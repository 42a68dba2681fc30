import type { RepositLandlord } from '../../sources/reposit/types';
import { builder } from '../builder';
import { RepositAddress } from './address';
import { Reposit } from './reposit';

export const Landlord = builder.objectRef<RepositLandlord>('Landlord').implement({
  description: 'The landlord of a Reposit’s property (a person or a company), named on the insurance policies.',
  fields: (t) => ({
    firstName: t.exposeString('firstName', { description: 'First name.' }),
    lastName: t.exposeString('lastName', { description: 'Last name.' }),
    email: t.exposeString('email', { description: 'Where Reposit sends the policy documents.' }),
    address: t.field({ type: RepositAddress, description: 'Home or business address.', resolve: (landlord) => landlord.address }),
  }),
});

builder.objectField(Reposit, 'landlord', (t) =>
  t.field({
    type: Landlord,
    nullable: true,
    description: 'The landlord, named on the insurance policies.',
    resolve: (reposit, _args, ctx) => ctx.loaders.reposit.landlord.load(reposit.id),
  }),
);
