import type { GatewayContext } from '../../context';
import { OWN_SUPPLIER } from '../../sources/reposit/loaders';
import { REPOSIT_SUPPLIER_TYPE_VALUES, type RepositSupplier as RepositSupplierShape } from '../../sources/reposit/types';
import { builder } from '../builder';
import { listed } from '../vendor-enum';
import { RepositSupplierTypeEnum } from './enums';

/** The supplier account the agency's API key belongs to. */
export function ownSupplier(ctx: GatewayContext): Promise<RepositSupplierShape> {
  return ctx.loaders.reposit.supplier.load(OWN_SUPPLIER);
}

export const RepositSupplier = builder.node(builder.objectRef<RepositSupplierShape>('RepositSupplier'), {
  description: 'The letting agency (or landlord) account at Reposit that manages the property.',
  id: { resolve: (supplier) => supplier.id },
  // An API key sees one supplier: its own.
  loadOne: async (id, ctx) => {
    const supplier = await ownSupplier(ctx);
    return supplier.id === id ? supplier : null;
  },
  fields: (t) => ({
    supplierId: t.exposeID('id', { nullable: false, description: 'Reposit’s id of the supplier (`sup_…`).' }),
    name: t.exposeString('name', { nullable: false }),
    type: t.field({
      nullable: false,
      type: RepositSupplierTypeEnum,
      resolve: (supplier) => listed('RepositSupplierType', REPOSIT_SUPPLIER_TYPE_VALUES, supplier.type),
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the supplier account was created.',
      // The copy inside a Reposit has no creation time; the agency's own account does.
      resolve: async (supplier, _args, ctx) => {
        if (supplier.createdAt) return supplier.createdAt;
        const own = await ownSupplier(ctx);
        return own.id === supplier.id ? (own.createdAt ?? null) : null;
      },
    }),
  }),
});

builder.queryField('repositSupplier', (t) =>
  t.field({
    type: RepositSupplier,
    nullable: true,
    description: 'The Reposit supplier account of the agency (`/suppliers/me`), with its agents.',
    resolve: (_root, _args, ctx) => ownSupplier(ctx),
  }),
);
