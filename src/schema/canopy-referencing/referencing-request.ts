import type { GatewayContext } from '../../context';
import { SCREENING_STATUS_VALUES } from '../../sources/canopy-referencing/enums';
import type { CanopyPassportNotes } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';
import { nodeIdParser, vendorIdArgument } from '../global-id';
import { CANOPY_REFERENCING_ID } from '../../sources/id-formats';
import { listed } from '../vendor-enum';
import { ScreeningStatusEnum } from './enums';
import { foundOnly, orNull } from '../not-found';
import { PassportNotes } from './passport-notes';
import { ReferencingReport } from './report';
import { RentPassport } from './rent-passport';

/**
 * A referencing request as the gateway knows it before reading its passport: Canopy's reads
 * name the renter only in the notes answer, which is where a request read back gets its e-mail.
 */
export interface ReferencingRequestShape {
  canopyReferenceId: string;
  /** The renter's e-mail. */
  email: string;
  /** Known only where the gateway made the request: no Canopy read returns it. */
  clientReferenceId?: string;
}

function shapeFromNotes(canopyReferenceId: string, notes: CanopyPassportNotes): ReferencingRequestShape {
  return { canopyReferenceId, email: notes.renter.email };
}

/** Referencing requests through the loader, in the order asked; ids Canopy does not know are skipped, any other failure is thrown. */
export async function loadReferencingRequests(ctx: GatewayContext, canopyReferenceIds: string[]): Promise<ReferencingRequestShape[]> {
  const results = await ctx.loaders.canopyReferencing.notes.loadMany(canopyReferenceIds);
  const shapes = results.map((result, i) => (result instanceof Error ? result : shapeFromNotes(canopyReferenceIds[i]!, result)));
  return foundOnly(shapes);
}

/** The renter's e-mail, for the Tenant join. */
export function referencingRequestEmail(shape: ReferencingRequestShape): string {
  return shape.email;
}

export const ReferencingRequest = builder.node(builder.objectRef<ReferencingRequestShape>('ReferencingRequest'), {
  description: 'A screening request sent to Canopy for one renter or guarantor, who completes a Rent Passport in the Canopy app.',
  id: { resolve: (request) => request.canopyReferenceId, parse: nodeIdParser('ReferencingRequest', CANOPY_REFERENCING_ID) },
  loadMany: (ids, ctx) =>
    ids.map((id) => orNull(ctx.loaders.canopyReferencing.notes.load(id)).then((notes) => notes && shapeFromNotes(id, notes))),
  fields: (t) => ({
    canopyReferenceId: t.exposeID('canopyReferenceId', { description: 'Canopy’s id of the request.' }),
    clientReferenceId: t.string({
      nullable: true,
      description:
        'The agency’s own reference, as sent with the request. Canopy returns it only in its notifications, so it is null on a request read back.',
      resolve: (request) => request.clientReferenceId ?? null,
    }),
    status: t.field({
      type: ScreeningStatusEnum,
      nullable: true,
      description:
        'The Rent Passport’s global status (`statuses.overall.status`): NOT_STARTED until the renter starts, IN_PROGRESS, then the verdict ACCEPT, CONSIDER or HIGH_RISK. Invitation and connection events (INVITED, CONNECTED, …) are not readable from Canopy: they arrive only as REQUEST_STATUS_UPDATES notifications.',
      resolve: async (request, _args, ctx) => {
        const passport = await ctx.loaders.canopyReferencing.passport.load(request.canopyReferenceId);
        return listed('ScreeningStatus', SCREENING_STATUS_VALUES, passport.overallStatus);
      },
    }),
    completed: t.boolean({
      nullable: true,
      description: 'True once the Rent Passport is complete and its report has been sent (`statuses.overall.ready`).',
      resolve: async (request, _args, ctx) => (await ctx.loaders.canopyReferencing.passport.load(request.canopyReferenceId)).ready,
    }),
    rentPassport: t.field({
      type: RentPassport,
      nullable: true,
      description: 'The renter’s Rent Passport as it stands, complete or not.',
      resolve: (request, _args, ctx) => ctx.loaders.canopyReferencing.passport.load(request.canopyReferenceId),
    }),
    notes: t.field({
      type: PassportNotes,
      nullable: true,
      description: 'Agent and report notes of the passport sections this request has access to.',
      resolve: (request, _args, ctx) => ctx.loaders.canopyReferencing.notes.load(request.canopyReferenceId),
    }),
    intermediateReportPdfUrl: t.string({
      nullable: true,
      authScopes: { pii: true },
      description:
        'The PDF of the screening results so far, complete or not (Canopy’s intermediate report), served by the gateway at a signed link that expires: a front end can show INSTANT results while FULL screening goes on.',
      resolve: (request, _args, ctx) => ctx.reportLinks.canopyIntermediateReportUrl(ctx.agency.id, request.canopyReferenceId),
    }),
    report: t.field({
      type: ReferencingReport,
      nullable: true,
      description:
        'The report of the completed Rent Passport, from Canopy’s completed-report callback; null until the gateway has received it.',
      resolve: async (request, _args, ctx) => (await ctx.loaders.reportDocuments.load(request.canopyReferenceId)) ?? null,
    }),
  }),
});

builder.queryField('referencingRequest', (t) =>
  t.field({
    type: ReferencingRequest,
    nullable: true,
    description: 'A referencing request by Canopy’s id or its global id; null if Canopy does not know it.',
    args: { canopyReferenceId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = vendorIdArgument('canopyReferenceId', 'ReferencingRequest', args.canopyReferenceId, CANOPY_REFERENCING_ID);
      const notes = await orNull(ctx.loaders.canopyReferencing.notes.load(id));
      return notes && shapeFromNotes(id, notes);
    },
  }),
);
