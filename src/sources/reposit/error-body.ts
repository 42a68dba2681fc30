import type { ResponseHeaders, VendorErrorBody } from '../http';

/** A validation sentence starts with the field it is about: `address.postcode must be …`. */
const LEADING_FIELD = /^([A-Za-z_][\w]*(?:\[\d+\])?(?:\.[A-Za-z_][\w]*(?:\[\d+\])?)*)\s/;

/**
 * Reads Reposit's error body (`{ statusCode, error, message }`, see `WireError`) for VendorHttp's
 * `readErrorBody`. A list of validation sentences becomes one message and a field-error map.
 */
export function repositErrorBody(body: unknown, _headers: ResponseHeaders): VendorErrorBody {
  if (typeof body === 'string') return { message: body.slice(0, 500) };
  if (body === null || typeof body !== 'object') return {};
  const { message, error } = body as { message?: unknown; error?: unknown };

  if (Array.isArray(message)) {
    const sentences = message.filter((item): item is string => typeof item === 'string');
    const fieldErrors: Record<string, string> = {};
    for (const sentence of sentences) {
      const field = LEADING_FIELD.exec(sentence)?.[1];
      // The first sentence about a field is the one a person fixes first.
      if (field && !(field in fieldErrors)) fieldErrors[field] = sentence;
    }
    return {
      message: sentences.join('; ') || (typeof error === 'string' ? error : undefined),
      fieldErrors: Object.keys(fieldErrors).length > 0 ? fieldErrors : undefined,
    };
  }
  if (typeof message === 'string') return { message };
  return typeof error === 'string' ? { message: error } : {};
}
