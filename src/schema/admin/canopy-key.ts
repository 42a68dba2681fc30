import { CanopyKeyRotationError } from '../../agencies/canopy-key-rotation';
import { CanopyKeyRotationRefused } from '../../agencies/canopy-key-rotations';
import { Agency } from '../agency';
import { builder } from '../builder';
import { requireOwnAgency } from './rights';

const RotateCanopySecretKeyInput = builder.inputType('RotateCanopySecretKeyInput', {
  fields: (t) => ({
    agencyId: t.id({ required: true, description: 'The caller’s own agency, named again so that no key is rotated by mistake.' }),
  }),
});

const CanopySecretKeyRotated = builder.simpleObject('CanopySecretKeyRotated', {
  description: 'Canopy now accepts only the new key, kept sealed in Redis; every instance signs with it from its next request.',
  fields: (t) => ({ agency: t.field({ type: Agency }), rotatedAt: t.field({ type: 'DateTime' }) }),
});

builder.mutationField('rotateCanopySecretKey', (t) =>
  t.field({
    type: CanopySecretKeyRotated,
    errors: { types: [CanopyKeyRotationRefused, CanopyKeyRotationError] },
    skipTypeScopes: true,
    authScopes: { admin: true },
    description: 'Has Canopy replace the caller’s agency’s secret key. The new key is never shown.',
    args: { input: t.arg({ type: RotateCanopySecretKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx, info) => {
      requireOwnAgency(ctx, info, 'agencyId', String(input.agencyId));
      await ctx.admin.canopyKeyRotations.rotate(ctx.agency.id);
      return { agency: { id: ctx.agency.id, name: ctx.agency.name }, rotatedAt: new Date() };
    },
  }),
);
