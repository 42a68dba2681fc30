import type { ResponseHeaders, VendorErrorBody } from '../http';

/**
 * Reads Canopy Servicing's error body, for `VendorHttp`'s `readErrorBody`. The reference shows
 * no error payloads, only a phrase per status ("Account not found", "Invalid input"); the vendor
 * answers `{ message, errors? }`, `errors` naming the fields at fault (as the sandbox plays it).
 */
export function canopyServicingErrorBody(body: unknown, _headers: ResponseHeaders): VendorErrorBody {
  if (typeof body === 'string') return { message: body.slice(0, 500) };
  if (body === null || typeof body !== 'object') return {};
  const record = body as { message?: unknown; errors?: unknown };
  const message = typeof record.message === 'string' ? record.message : undefined;
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(record.errors)) {
    for (const entry of record.errors as Array<{ field?: unknown; message?: unknown } | null>) {
      if (typeof entry?.field === 'string' && typeof entry.message === 'string') fieldErrors[entry.field] = entry.message;
    }
  }
  return { message, fieldErrors: Object.keys(fieldErrors).length > 0 ? fieldErrors : undefined };
}
