import type { WireError } from '../../sources/reposit/wire';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Reposit's error body: `message` is a list of sentences when a request body fails validation. */
export function repositError(status: number, message: string | string[]): WireError {
  return { statusCode: status, error: REASONS[status] ?? 'Error', message };
}
