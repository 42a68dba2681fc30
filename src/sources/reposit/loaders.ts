import DataLoader from 'dataloader';
import { eachKey } from '../each-key';
import type { RepositClient } from './client';
import type { Reposit, RepositAgent, RepositLandlord, RepositPolicy, RepositSupplier } from './types';

/** The one key of the supplier loader: an API key belongs to one supplier, read at `/suppliers/me`. */
export const OWN_SUPPLIER = 'me';

/** The per-request loaders of Reposit: one per resource. */
export function createRepositLoaders(client: RepositClient) {
  const supplier = new DataLoader<string, RepositSupplier>(eachKey(() => client.getSupplier()));
  const agents = new DataLoader<string, RepositAgent[]>(eachKey((supplierId) => client.listSupplierAgents(supplierId)));
  const reposit = new DataLoader<string, Reposit>(eachKey((id) => client.getReposit(id)));
  const policies = new DataLoader<string, RepositPolicy[]>(eachKey((repositId) => client.listPolicies(repositId)));
  // The landlord lives at the Reposit's `landlordUrl`: the Reposit usually sits in its loader already.
  const landlord = new DataLoader<string, RepositLandlord>(
    eachKey(async (repositId) => client.getLandlord((await reposit.load(repositId)).landlordUrl)),
  );
  return { supplier, agents, reposit, policies, landlord };
}

export type RepositLoaders = ReturnType<typeof createRepositLoaders>;
