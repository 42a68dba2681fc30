/**
 * Mutators of valid vendor notifications. Each turns a seed into one request body, says which
 * field it touched, and whether the docs make the result one that must be accepted, must be
 * refused, or may go either way (an extra or odd value the gateway may tolerate).
 */
import { allPaths, formatPath, getAt, withAt, type JsonPath } from './json-paths';
import type { Expectation } from './expectation';
import type { Random } from './prng';
import type { Seed, WebhookRoute } from './webhook-corpus';
import {
  BAD_PERCENT_ESCAPES,
  deepJson,
  DOT_SEGMENTS,
  hugeString,
  insertInto,
  INVALID_EMAILS,
  ODD_NUMBERS,
  otherType,
  UNICODE_PIECES,
} from './values';


export interface WebhookCase {
  route: WebhookRoute;
  mutator: string;
  body: string;
  /** No header at all when undefined. */
  contentType: string | undefined;
  /** What a refusal must name: the touched field's path, or `body` / `Content-Type`. */
  target: string;
  expect: Expectation;
}

type Mutation = Omit<WebhookCase, 'route' | 'mutator' | 'contentType'> & { contentType?: string | undefined };
type Mutator = (seed: Seed, random: Random) => Mutation | undefined;

const JSON_TYPE = 'application/json';
/** Stands in for raw JSON text that JSON.stringify cannot write (deep nesting, odd numbers, duplicate keys). */
const RAW = '\u0001raw\u0001';

function serialise(body: unknown, raw?: string): string {
  const text = JSON.stringify(body);
  return raw === undefined ? text : text.replace(JSON.stringify(RAW), raw);
}

const memberPaths = (body: unknown) => allPaths(body).filter((path) => path.length > 0);
const stringPaths = (body: unknown) => memberPaths(body).filter((path) => typeof getAt(body, path) === 'string');
const pathOf = (text: string): JsonPath => text.split('.');

/** A refusal is required when a field the docs require is broken; else the gateway may tolerate it. */
const breaks = (seed: Seed, path: string): Expectation => (seed.required.includes(path) ? 'refuse' : 'either');

const mutators: Record<string, Mutator> = {
  valid(seed, random) {
    // A fresh value where any is fine, so each delivery is a new event rather than a repeat.
    const field = 'timestamp' in seed.body ? 'timestamp' : 'clientReferenceId';
    const value = field === 'timestamp' ? new Date(Date.UTC(2020, 0, 1) + random.int(0, 1e11)).toISOString() : String(random.int(1, 1e9));
    return { body: serialise({ ...seed.body, [field]: value }), target: field, expect: 'accept' };
  },
  dropField(seed, random) {
    const path = random.pick(memberPaths(seed.body));
    return { body: serialise(withAt(seed.body, path, undefined)), target: formatPath(path), expect: breaks(seed, formatPath(path)) };
  },
  duplicateKey(seed, random) {
    // JSON.parse keeps the last of a repeated key: the body means what the seed means.
    const path = random.pick(memberPaths(seed.body).filter((p) => typeof p.at(-1) === 'string'));
    const key = JSON.stringify(path.at(-1));
    const raw = serialise(withAt(seed.body, path, RAW)).replace(`${key}:${JSON.stringify(RAW)}`, `${key}:${JSON.stringify(otherType(getAt(seed.body, path), random))},${key}:${JSON.stringify(getAt(seed.body, path))}`);
    return { body: raw, target: formatPath(path), expect: 'accept' };
  },
  retype(seed, random) {
    const path = random.pick(memberPaths(seed.body));
    const original = getAt(seed.body, path);
    // Vendors send numbers as strings too, so only a required string or object retyped must be refused.
    const strict = typeof original === 'string' || (typeof original === 'object' && original !== null);
    const expect = strict ? breaks(seed, formatPath(path)) : 'either';
    return { body: serialise(withAt(seed.body, path, otherType(original, random))), target: formatPath(path), expect };
  },
  hugeString(seed, random) {
    const path = random.pick(stringPaths(seed.body));
    const body = serialise(withAt(seed.body, path, hugeString(random)));
    return { body, target: formatPath(path), expect: Buffer.byteLength(body) > 64 * 1024 ? 'refuse' : 'either' };
  },
  deepNesting(seed, random) {
    const path = random.pick(allPaths(seed.body));
    // Nested arrays at the root, so the body is no object at all (nested objects there are only unknown members).
    const kind = path.length === 0 || random.chance(0.5) ? 'array' : 'object';
    const body = serialise(withAt(seed.body, path, RAW), deepJson(random.int(1_000, 9_000), kind));
    // The nesting limit is the body's: JSON this deep is refused as it is parsed, before any field is read.
    return { body, target: 'body', expect: path.length === 0 || seed.required.includes(formatPath(path)) ? 'refuse' : 'either' };
  },
  unicode(seed, random) {
    const path = random.pick(stringPaths(seed.body));
    const piece = random.pick(UNICODE_PIECES);
    const lone = /[\ud800-\udfff]/.test(piece) && !/[\ud800-\udbff][\udc00-\udfff]/.test(piece);
    const target = formatPath(path);
    const value = insertInto(getAt(seed.body, path) as string, piece, random);
    // An id with a lone surrogate cannot be put in a vendor URL (encodeURIComponent throws).
    return { body: serialise(withAt(seed.body, path, value)), target, expect: lone && seed.ids.includes(target) ? 'refuse' : 'either' };
  },
  dotSegmentId(seed, random) {
    const path = pathOf(random.pick(seed.ids));
    return { body: serialise(withAt(seed.body, path, random.pick(DOT_SEGMENTS))), target: formatPath(path), expect: 'refuse' };
  },
  badPercentEscape(seed, random) {
    const candidates = [...seed.urls, ...seed.ids];
    const path = pathOf(random.pick(candidates));
    const value = insertInto(getAt(seed.body, path) as string, random.pick(BAD_PERCENT_ESCAPES), random);
    return { body: serialise(withAt(seed.body, path, value)), target: formatPath(path), expect: 'either' };
  },
  invalidEmail(seed, random) {
    if (seed.emails.length === 0) return undefined;
    const path = pathOf(random.pick(seed.emails));
    return { body: serialise(withAt(seed.body, path, random.pick(INVALID_EMAILS))), target: formatPath(path), expect: 'refuse' };
  },
  oddNumber(seed, random) {
    const candidates = seed.numbers.length > 0 ? seed.numbers : memberPaths(seed.body).map(formatPath);
    const target = random.pick(candidates);
    const body = serialise(withAt(seed.body, pathOf(target), RAW), random.pick(ODD_NUMBERS));
    return { body, target, expect: 'either' };
  },
  unservableAmount(seed, random) {
    if (seed.amounts.length === 0) return undefined;
    // A safe integer of pounds whose pence are not: it could be stored, but never served as Money.
    const target = random.pick(seed.amounts);
    return { body: serialise(withAt(seed.body, pathOf(target), random.int(Math.ceil(Number.MAX_SAFE_INTEGER / 100), Number.MAX_SAFE_INTEGER))), target, expect: 'refuse' };
  },
  truncated(seed, random) {
    const text = serialise(seed.body);
    return { body: text.slice(0, random.int(1, text.length - 1)), target: 'body', expect: 'refuse' };
  },
  notAnObject(_, random) {
    return { body: random.pick(['[]', 'null', '"x"', '42', 'true', '[{}]']), target: 'body', expect: 'refuse' };
  },
  emptyBody() {
    return { body: '', target: 'body', expect: 'refuse' };
  },
  wrongContentType(seed, random) {
    const contentType = random.pick([undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonx']);
    return { body: serialise(seed.body), contentType, target: 'Content-Type', expect: 'refuse' };
  },
  jsonContentTypeVariant(seed, random) {
    const contentType = random.pick(['application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8']);
    return { ...mutators.valid!(seed, random)!, contentType, target: 'Content-Type' };
  },
};

export const WEBHOOK_MUTATORS = Object.keys(mutators);

/** One fuzz input for the route: a random seed through a random mutator. */
export function webhookCase(route: WebhookRoute, seeds: Seed[], random: Random): WebhookCase {
  for (;;) {
    const mutator = random.pick(WEBHOOK_MUTATORS);
    const mutation = mutators[mutator]!(random.pick(seeds), random);
    if (mutation) return { route, mutator, contentType: JSON_TYPE, ...mutation };
  }
}
