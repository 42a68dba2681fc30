import type { SandboxAccount } from '../../src/sandbox/start';

/**
 * The strings that identify one agency's data: the ids its vendor accounts hold, its people's
 * e-mails, its supplier's and agents' names. A string both agencies hold (Priya Shah's e-mail,
 * a product both programs seed) says nothing about whose data an answer carries, so it is no
 * marker of either; ids the run creates are added as it goes.
 */
export interface AgencyMarkers {
  add(id: string): void;
  /** Every marker of this agency in the text, except those the caller sent itself. */
  foundIn(text: string, sent?: string): string[];
}

/** The markers of every account, each without the strings another account also holds. */
export function markersOf(accounts: readonly SandboxAccount[]): Map<string, AgencyMarkers> {
  const held = new Map(accounts.map((account) => [account.id, heldBy(account)]));
  const counts = new Map<string, number>();
  for (const strings of held.values()) for (const value of strings) counts.set(value, (counts.get(value) ?? 0) + 1);
  return new Map(
    accounts.map((account) => [account.id, createMarkers([...held.get(account.id)!].filter((value) => counts.get(value) === 1))]),
  );
}

function heldBy({ simulators, people }: SandboxAccount): Set<string> {
  const { canopyReferencing, canopyServicing, reposit } = simulators;
  return new Set([
    ...people.map((person) => person.email),
    ...canopyReferencing.state.requests.keys(),
    ...canopyReferencing.state.branches.map((branch) => branch.canopyBranchId),
    ...canopyServicing.state.accounts.keys(),
    ...canopyServicing.state.customers.keys(),
    ...canopyServicing.state.products.keys(),
    ...[...canopyServicing.state.lineItems.values()].flat().map((item) => item.lineItemId),
    ...reposit.state.reposits.keys(),
    reposit.state.supplier.id,
    reposit.state.supplier.name,
    ...reposit.state.agents.flatMap((agent) => [agent.id, `${agent.firstName} ${agent.lastName}`]),
  ]);
}

/** Too short a string would be found by chance in any answer. */
const SHORTEST_MARKER = 6;

function createMarkers(initial: string[]): AgencyMarkers {
  const markers = new Set(initial.filter((value) => value.length >= SHORTEST_MARKER));
  return {
    add: (id) => void (id.length >= SHORTEST_MARKER && markers.add(id)),
    foundIn(text, sent = '') {
      const found: string[] = [];
      for (const marker of markers) if (text.includes(marker) && !sent.includes(marker)) found.push(marker);
      return found;
    },
  };
}
