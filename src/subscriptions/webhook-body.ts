/** Why a webhook is refused, with the status that says so; the message starts with the field. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Both vendors' documented notifications are at most four levels deep. Deeper bodies are refused
 * before they are parsed: serialising one again (to store it) would overflow the stack.
 */
const MAX_DEPTH = 32;

/** `application/json`, with at most a UTF-8 charset (RFC 8259: JSON between systems is UTF-8). */
function isJson(contentType: string | null): boolean {
  const [mediaType, ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return false;
  return parameters.every((parameter) => !parameter.startsWith('charset=') || /^charset="?utf-8"?$/.test(parameter));
}

/** How deeply arrays and objects nest in JSON text, stopping as soon as it passes `limit`. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (++depth > limit) return true;
    } else if (char === '}' || char === ']') depth--;
  }
  return false;
}

/** A webhook's body as JSON; throws a Refusal naming the rule it breaks. */
export function parseWebhookBody(contentType: string | null, raw: string): unknown {
  if (!isJson(contentType)) {
    throw new Refusal(415, `content-type: must be application/json (UTF-8), got ${JSON.stringify((contentType ?? '').slice(0, 100))}`);
  }
  if (nestsDeeperThan(raw, MAX_DEPTH)) throw new Refusal(400, `body: nested deeper than ${MAX_DEPTH} levels`);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new Refusal(400, 'body: not valid JSON');
  }
}
