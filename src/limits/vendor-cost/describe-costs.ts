import { mapSchema, MapperKind } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { FIELD_COSTS } from './cost-tables';

/**
 * The schema with each root field's vendor cost in its description ("Vendor calls: …"), written
 * from the same table the estimator reads, so the two cannot disagree.
 */
export function describeVendorCosts(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, fieldName, typeName) => {
      const summary = FIELD_COSTS.get(`${typeName}.${fieldName}`)?.summary;
      if (!summary) return field;
      const note = `Vendor calls: ${summary}.`;
      return { ...field, description: field.description ? `${field.description} ${note}` : note };
    },
  });
}
