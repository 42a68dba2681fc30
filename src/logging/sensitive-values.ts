/** What a masked value is written as. */
export const MASK = '[redacted]';

/**
 * What looks like a credential or a person's data, wherever it appears in a line: a value scan
 * behind the path redaction, for what reaches a log line inside a message (a vendor's error, an
 * exception, a URL). Over-masking an id that looks like a phone number is the price of failing closed.
 */
const CREDENTIALS_AND_ADDRESSES: Array<[RegExp, string]> = [
  // A bearer or basic credential, with its scheme kept so the line still says what was sent.
  [/\b(Bearer|Basic)\s+[\w\-.~+/=]+/gi, `$1 ${MASK}`],
  // A JWT: three base64url parts, the first a JSON object ("eyJ").
  [/(?<![\w-])eyJ[\w-]*\.[\w-]+\.[\w-]*/g, MASK],
  // The gateway's API keys.
  [/rgk_[\w-]+/g, MASK],
  // A webhook URL's secret path segment.
  [/(\/webhooks\/[\w-]+\/)[^/\s"?#\\]+/g, `$1${MASK}`],
  // From the start of a run of address characters only: trying every position in it is quadratic.
  [/(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, MASK],
];

/** Numbers a person has, looked for outside UUIDs only (see below). */
const PERSONAL_NUMBERS: Array<[RegExp, string]> = [
  // US social security and UK national insurance numbers.
  [/\b\d{3}-\d{2}-\d{4}\b/g, MASK],
  [/\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi, MASK],
  // A calendar date (a date of birth is one); an instant, a date with a time, is left alone.
  [/\b\d{4}-\d{2}-\d{2}\b(?!T\d)/g, MASK],
  [/\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g, MASK],
  // A phone number: nine or more digits, with the separators people write; after a JSON escape (\n) too,
  // but not a JSON number (after ":", "," or "["), which is the gateway's own (a duration, a count).
  [/(?:(?<=\\[nrt])|(?<![\w+:,[]))\+?\(?\d(?:[\s().-]{0,2}\d){8,15}(?!\w)/g, MASK],
];

/**
 * A UUID, kept whole: the digits of its groups, hyphen-separated, read as a phone number, and a
 * request id or a vendor's id cut in half no longer finds its other lines. The split keeps it at
 * the odd indexes.
 */
const UUID = /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i;

/** Builds the masking of one line: each known secret value exactly, then the patterns above. */
export function valueMasker(secrets: Iterable<string | undefined> = []): (text: string) => string {
  const known = [...new Set([...secrets].filter((secret): secret is string => typeof secret === 'string' && secret.length >= 8))];
  const exact = known.length > 0 ? new RegExp(known.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g') : undefined;
  return (text) => {
    return replaceAll(exact ? text.replace(exact, MASK) : text, CREDENTIALS_AND_ADDRESSES)
      .split(UUID)
      .map((part, index) => (index % 2 === 1 ? part : replaceAll(part, PERSONAL_NUMBERS)))
      .join('');
  };
}

function replaceAll(text: string, patterns: Array<[RegExp, string]>): string {
  return patterns.reduce((masked, [pattern, replacement]) => masked.replace(pattern, replacement), text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
