import type { WireError, WireGatewayError } from '../../sources/canopy-referencing/wire';
import { json, type SandboxReply } from '../vendor-simulator';
import { newRequestId } from './ids';

export interface FieldProblem {
  /** Joi-style rule name, e.g. `any.required`. */
  type: string;
  /** Dotted path of the field, e.g. `data.income.0.annualSalary`. */
  path: string;
  message: string;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * Canopy's error body. The current docs only say "conventional HTTP response codes"; the shape is
 * the one Canopy's earlier public API docs gave: `success: false`, `requestId`, and an `error`
 * with `status`, `type`, `message` and, for validation, Joi-style `errors`.
 */
export function canopyErrorBody(status: number, message: string, errors?: FieldProblem[]): WireError {
  return {
    success: false,
    requestId: newRequestId(),
    error: {
      status,
      type: ERROR_TYPES[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'CLIENT_ERROR'),
      message,
      ...(errors ? { errors } : {}),
    },
  };
}

export function canopyError(status: number, message: string): SandboxReply {
  return json(status, canopyErrorBody(status, message));
}

export function validationError(problems: FieldProblem[]): SandboxReply {
  return json(400, canopyErrorBody(400, problems.map((problem) => problem.message).join('. '), problems));
}

/**
 * `x-api-key` is checked by the API gateway in front of Canopy (the header is AWS API Gateway's),
 * which refuses with its own bare body before Canopy sees the call.
 */
export function apiKeyRefused(): SandboxReply {
  const body: WireGatewayError = { message: 'Forbidden' };
  return json(403, body);
}
