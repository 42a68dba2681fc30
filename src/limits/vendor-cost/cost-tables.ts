import { canopyReferencingCosts } from './canopy-referencing';
import { canopyServicingCosts } from './canopy-servicing';
import type { CostTable, FieldCost, VendorCalls } from './field-cost';
import { gatewayCosts } from './gateway-fields';
import { repositCosts } from './reposit';

/** A field's cost with the vendor its plain `calls` count at. */
export interface ResolvedFieldCost extends Omit<FieldCost, 'calls'> {
  calls?: (args: Record<string, unknown>) => VendorCalls;
}

const TABLES: readonly CostTable[] = [gatewayCosts, canopyReferencingCosts, canopyServicingCosts, repositCosts];

function resolved(table: CostTable, cost: FieldCost): ResolvedFieldCost {
  const { calls } = cost;
  if (calls === undefined || typeof calls === 'function') return { ...cost, calls };
  if (!table.vendor) throw new Error('a field of the gateway’s own table counts its calls by vendor');
  const vendor = table.vendor;
  return { ...cost, calls: () => ({ [vendor]: calls }) };
}

/** Every field's cost, keyed `Type.field`; a field is in one table only. */
export const FIELD_COSTS: ReadonlyMap<string, ResolvedFieldCost> = (() => {
  const costs = new Map<string, ResolvedFieldCost>();
  for (const table of TABLES) {
    for (const [key, cost] of Object.entries(table.fields)) {
      if (costs.has(key)) throw new Error(`${key} has a cost in two tables`);
      costs.set(key, resolved(table, cost));
    }
  }
  return costs;
})();
