import type { SandboxRequest } from '../vendor-simulator';
import { parseDateTime, Problems } from './validation';

export interface ReadQuery {
  problems: Problems;
  /** `effective_as_of_date`, or the current time when absent. */
  asOf: Date;
  offset: number;
  limit: number;
}

const DEFAULT_LIMIT = 100;

/** The query parameters the reference defines; malformed ones are recorded as problems. */
export function readQuery(request: SandboxRequest, now: Date): ReadQuery {
  const problems = new Problems();
  const rawAsOf = request.query.get('effective_as_of_date');
  let asOf = now;
  if (rawAsOf !== null && rawAsOf !== '') {
    const parsed = parseDateTime(rawAsOf);
    if (parsed) asOf = parsed;
    else problems.add('effective_as_of_date', 'must be an RFC 3339 date-time, e.g. 2020-10-20T00:00:00-05:00');
  }
  return {
    problems,
    asOf,
    offset: wholeNumber(request, 'offset', 0, 0, problems),
    limit: wholeNumber(request, 'limit', DEFAULT_LIMIT, 1, problems),
  };
}

function wholeNumber(request: SandboxRequest, name: string, fallback: number, min: number, problems: Problems): number {
  const raw = request.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    problems.add(name, `must be a whole number of at least ${min}`);
    return fallback;
  }
  return Number(raw);
}
