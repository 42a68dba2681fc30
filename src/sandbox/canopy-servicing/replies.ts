import { json, type SandboxReply } from '../vendor-simulator';
import type { FieldProblem } from './validation';

/**
 * Canopy Servicing's error payload. The reference documents statuses with a phrase each ("Account
 * not found", "Invalid input") and shows no bodies; the simulator answers `{ message }`, adding
 * `errors` (field and message) when input is at fault.
 */
export function errorBody(_status: number, message: string, errors?: FieldProblem[]): unknown {
  return errors && errors.length > 0 ? { message, errors } : { message };
}

export function refuse(status: number, message: string, errors?: FieldProblem[]): SandboxReply {
  return json(status, errorBody(status, message, errors));
}

export function invalidInput(status: 400 | 405 | 422, errors: FieldProblem[]): SandboxReply {
  return refuse(status, 'Invalid input', errors);
}

export const accountNotFound = (): SandboxReply => refuse(404, 'Account not found');
export const productNotFound = (): SandboxReply => refuse(404, 'No Products found');
export const lineItemNotFound = (): SandboxReply => refuse(404, 'Line item not found');
