import { getNamedType, getNullableType, isAbstractType, isListType, isObjectType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FIELD_COSTS } from '../../src/limits/vendor-cost/cost-tables';
import { schema } from '../../src/schema';

const ROOTS = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => (type ? [type] : []));

function objectTypesOf(type: GraphQLNamedType) {
  return isAbstractType(type) ? schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
}

/** The object types below which some field calls a vendor. */
function typesThatCost(): Set<string> {
  const costing = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || costing.has(type.name)) continue;
      const costs = Object.values(type.getFields()).some(
        (field) =>
          FIELD_COSTS.get(`${type.name}.${field.name}`)?.calls !== undefined ||
          objectTypesOf(getNamedType(field.type)).some((below) => costing.has(below.name)),
      );
      if (costs) (costing.add(type.name), (changed = true));
    }
  }
  return costing;
}

describe('vendor cost tables', () => {
  it('name only fields the schema has', () => {
    for (const key of FIELD_COSTS.keys()) {
      const [typeName, fieldName] = key.split('.') as [string, string];
      const type = schema.getType(typeName);
      expect(isObjectType(type) && type.getFields()[fieldName], key).toBeTruthy();
    }
  });

  it('give every root field a cost, written into its description', () => {
    for (const root of ROOTS) {
      for (const field of Object.values(root.getFields())) {
        const summary = FIELD_COSTS.get(`${root.name}.${field.name}`)?.summary;
        expect(summary, `${root.name}.${field.name} has no cost`).toBeTruthy();
        expect(field.description).toContain(`Vendor calls: ${summary}.`);
      }
    }
  });

  it('bound every list whose items lead to a vendor call', () => {
    const costing = typesThatCost();
    // A field's size is known (items or links), or the list is cut to a size its parent field gives.
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        if (!objectTypesOf(getNamedType(field.type)).some((below) => costing.has(below.name))) continue;
        const cost = FIELD_COSTS.get(`${type.name}.${field.name}`);
        expect(cost?.items !== undefined || cost?.links !== undefined, `${type.name}.${field.name} fans out with no size`).toBe(true);
      }
    }
  });
});
