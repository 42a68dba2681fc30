import type { ResponseHeaders, VendorErrorBody } from '../http';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads Canopy's two error shapes: its own `{ success: false, requestId, error: { message,
 * errors: [{ path, message }] } }`, and the bare `{ message }` of the API gateway that checks
 * `x-api-key` in front of it. Pass it as `readErrorBody` to the VendorHttp of Canopy Referencing.
 */
export function canopyReferencingErrorBody(body: unknown, headers: ResponseHeaders): VendorErrorBody {
  const headerId = headers['x-amzn-requestid'] ?? headers['x-request-id'];
  const fromHeader = typeof headerId === 'string' ? headerId : undefined;
  if (typeof body === 'string') return { message: body.slice(0, 500), requestId: fromHeader };
  if (!isRecord(body)) return { requestId: fromHeader };

  const requestId = typeof body.requestId === 'string' ? body.requestId : fromHeader;
  const error = isRecord(body.error) ? body.error : undefined;
  const message = [error?.message, body.message, body.error].find((value) => typeof value === 'string') as string | undefined;

  let fieldErrors: Record<string, string> | undefined;
  if (Array.isArray(error?.errors)) {
    fieldErrors = {};
    for (const item of error.errors) {
      if (isRecord(item) && typeof item.message === 'string') {
        const path = Array.isArray(item.path) ? item.path.join('.') : String(item.path ?? '');
        fieldErrors[path] = item.message;
      }
    }
  }
  return { message, requestId, fieldErrors };
}
