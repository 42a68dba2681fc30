import type { SandboxRoute } from '../../vendor-simulator';
import { json } from '../../vendor-simulator';
import { canopyError } from '../errors';
import { newRequestId } from '../ids';
import { notesResponse, rentPassportResponse } from '../passport-view';
import { intermediateReport, wantsPdf } from '../intermediate-report';
import type { CanopyReferencingState } from '../state';
import { guardedRoute } from './guard';

export function passportRoutes(state: CanopyReferencingState): SandboxRoute[] {
  const notFound = (id: string | undefined) => canopyError(404, `Referencing request ${id ?? ''} not found`);
  return [
    guardedRoute(state, 'GET', '/referencing-requests/client/:clientId/documents/:documentId', (request) => {
      const document = state.documents.get(request.params.documentId ?? '');
      if (!document) return canopyError(404, `Document ${request.params.documentId ?? ''} not found`);
      return {
        status: 200,
        bytes: document.bytes,
        headers: {
          'content-type': 'application/pdf',
          // Canopy quotes the file name with single quotes, as its docs show.
          'content-disposition': `attachment; filename='${document.documentId}_${document.kind}.pdf'`,
        },
      };
    }),
    guardedRoute(state, 'GET', '/referencing-requests/client/:clientId/rent-passport/:canopyReferenceId', (request) => {
      const record = state.requests.get(request.params.canopyReferenceId ?? '');
      if (!record) return notFound(request.params.canopyReferenceId);
      if (wantsPdf(request)) return intermediateReport(state, record);
      const answer = rentPassportResponse(state, record, newRequestId());
      state.passportQuirk?.(answer);
      return json(200, answer);
    }),
    guardedRoute(state, 'GET', '/referencing-requests/client/:clientId/rent-passport/:canopyReferenceId/notes', (request) => {
      const record = state.requests.get(request.params.canopyReferenceId ?? '');
      if (!record) return notFound(request.params.canopyReferenceId);
      return json(200, notesResponse(state, record));
    }),
  ];
}
