import type { RepositLandlord } from '../../sources/reposit/types';
import { builder } from '../builder';
import { RepositAddress } from './address';
import { Reposit } from './reposit';

export const Landlord = builder.objectRef<RepositLandlord>('Landlord').implement({
  description: 'The landlord of a Reposit’s property (a person or a company), named on the insurance policies.',
  fields: (t) => ({
    firstName: t.exposeString('firstName', { nullable: false, description: 'First name.' }),
    lastName: t.exposeString('lastName', { nullable: false, description: 'Last name.' }),
    email: t.exposeString('email', { nullable: false, description: 'Where Reposit sends the policy documents.' }),
    address: t.field({
      nullable: true,
      authScopes: { pii: true },
      type: RepositAddress,
      description: 'Home or business address.',
      resolve: (landlord) => landlord.address,
    }),
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
