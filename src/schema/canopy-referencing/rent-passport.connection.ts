import { REPORT_TITLE_VALUES } from '../../sources/canopy-referencing/enums';
import type { CanopyRentPassport } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';
import { listed } from '../vendor-enum';
import { CanopyBranch } from './branch';
import { ScreeningTypeEnum } from './enums';

type ConnectionShape = CanopyRentPassport['connection'];

const GroupStates = builder.objectRef<ConnectionShape['groupStates']>('PassportGroupStates').implement({
  description: 'Progress of each group of passport sections.',
  fields: (t) => ({
    instant: t.exposeString('instant'),
    full: t.exposeString('full'),
    other: t.exposeString('other', { description: 'Identity and right-to-rent checks.' }),
  }),
});

export const PassportConnection = builder.objectRef<ConnectionShape>('PassportConnection').implement({
  description: 'The connection between the renter and the agency’s Canopy branch that the request opened.',
  fields: (t) => ({
    connectionId: t.exposeID('id', { description: 'Canopy’s id of the connection.' }),
    branchId: t.exposeID('branchId', { description: 'The Canopy branch id.' }),
    branchName: t.exposeString('branchName'),
    branch: t.field({
      type: CanopyBranch,
      nullable: true,
      description: 'The Canopy branch the renter is connected to.',
      resolve: (connection, _args, ctx) => ctx.loaders.canopyReferencing.branch.load(connection.branchId),
    }),
    tenancyStatus: t.exposeString('tenancyStatus', { description: 'e.g. SCREENING.' }),
    renterId: t.exposeID('renterId', { description: 'Canopy’s id of the renter.' }),
    referencingType: t.field({
      type: ScreeningTypeEnum,
      resolve: (connection) => listed('ScreeningType', REPORT_TITLE_VALUES, connection.referencingType),
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (connection) => connection.createdAt }),
    moveFrom: t.field({ type: 'DateTime', nullable: true, resolve: (connection) => connection.moveFrom ?? null }),
    moveTo: t.field({ type: 'DateTime', nullable: true, resolve: (connection) => connection.moveTo ?? null }),
    groupStates: t.field({ type: GroupStates, resolve: (connection) => connection.groupStates }),
    screeningProgress: t.exposeString('srOverall', { description: 'Progress of the screening as a whole (`srOverall`).' }),
    passportCompleted: t.exposeBoolean('isRPCompleted', { description: 'True once the Rent Passport is complete (`isRPCompleted`).' }),
    source: t.exposeString('source', { description: 'How the connection was made; REFERENCE_API for requests made through the API.' }),
  }),
});
