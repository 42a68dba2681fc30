/**
 * The rules every webhook answer must keep, whatever the body: never a 5xx while Redis is up;
 * a 2xx only for a stored event; a refusal whose `error` starts with the path of the field at
 * fault (`data.tenant.email: …`), or `body` / `Content-Type` for a problem of the whole body.
 */
import { related } from './json-paths';
import type { WebhookCase } from './webhook-mutators';

export interface WebhookAnswer {
  status: number;
  text: string;
}

/** The path a refusal names: what comes before its first `: `. */
export function namedPath(error: unknown): string | undefined {
  if (typeof error !== 'string') return undefined;
  const match = /^([^\s:]+): /.exec(error);
  return match?.[1];
}

function namesTheField(testCase: WebhookCase, status: number, named: string | undefined): boolean {
  if (named === undefined) return false;
  if (testCase.target === 'body') return named === 'body';
  // Header names are case-insensitive (RFC 9110 §5.1): `content-type: …` names it as well.
  if (testCase.target === 'Content-Type') return named.toLowerCase() === 'content-type';
  // Too large, or a top-level member gone so the body is no notification at all: the body is at fault.
  if (named === 'body') return status === 413 || !/[.[]/.test(testCase.target);
  return related(named, testCase.target);
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The failures one answer shows (none when it keeps every rule); a 2xx answer's event id for a read-back. */
export function judgeWebhook(testCase: WebhookCase, answer: WebhookAnswer): { failures: string[]; storedId?: string } {
  const json = parse(answer.text);
  if (answer.status >= 500) return { failures: [`${answer.status}`] };
  if (answer.status >= 200 && answer.status < 300) {
    if (testCase.expect === 'refuse') return { failures: ['accepted, should refuse'] };
    const id = json?.id;
    if (typeof id !== 'string' || (json?.status !== 'stored' && json?.status !== 'duplicate')) return { failures: ['2xx without a stored id'] };
    return { failures: [], storedId: id };
  }
  if (answer.status >= 400 && answer.status < 500) {
    const failures: string[] = [];
    if (testCase.expect === 'accept') failures.push(`refused (${answer.status}), should accept`);
    else if (!namesTheField(testCase, answer.status, namedPath(json?.error))) failures.push('refusal does not name the field');
    return { failures };
  }
  return { failures: [`unexpected status ${answer.status}`] };
}
