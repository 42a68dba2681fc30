import DataLoader from 'dataloader';
import { eachKey } from '../each-key';
import type { CanopyReferencingClient } from './client';
import type { CanopyBranch, CanopyBranchAddress, CanopyPassportNotes, CanopyRentPassport } from './types';

/** The one key of the branch list loader: the list belongs to the client id. */
export const ALL_BRANCHES = 'all';

/**
 * A Canopy branch once, with every client branch id linked to it: the branches list repeats a
 * branch once per link.
 */
export interface ReferencingBranch {
  canopyBranchId: string;
  branchName: string;
  branchAddress: CanopyBranchAddress;
  clientBranchIds: string[];
}

export function groupBranches(entries: readonly CanopyBranch[]): ReferencingBranch[] {
  const byId = new Map<string, ReferencingBranch>();
  for (const entry of entries) {
    let branch = byId.get(entry.canopyBranchId);
    if (!branch) {
      branch = { canopyBranchId: entry.canopyBranchId, branchName: entry.branchName, branchAddress: entry.branchAddress, clientBranchIds: [] };
      byId.set(entry.canopyBranchId, branch);
    }
    if (entry.clientBranchId !== undefined) branch.clientBranchIds.push(entry.clientBranchId);
  }
  return [...byId.values()];
}

/** The per-request loaders of Canopy Referencing: one per resource. */
export function createReferencingLoaders(client: CanopyReferencingClient) {
  const passport = new DataLoader<string, CanopyRentPassport>(eachKey((id) => client.getRentPassport(id)));
  const notes = new DataLoader<string, CanopyPassportNotes>(eachKey((id) => client.getPassportNotes(id)));
  const branches: DataLoader<string, ReferencingBranch[]> = new DataLoader(async (keys) => {
    const list = groupBranches(await client.listBranches());
    for (const item of list) branch.prime(item.canopyBranchId, item);
    return keys.map(() => list);
  });
  // Canopy has no single-branch read: every branch key is answered by the one list call.
  const branch: DataLoader<string, ReferencingBranch | null> = new DataLoader(async (ids) => {
    const list = await branches.load(ALL_BRANCHES);
    return ids.map((id) => list.find((item) => item.canopyBranchId === id) ?? null);
  });
  return { passport, notes, branches, branch };
}

export type ReferencingLoaders = ReturnType<typeof createReferencingLoaders>;
