/** The realm of every challenge: the gateway as one protected resource. */
const REALM = 'rentgraph';

export type AuthFailureStatus = 401 | 403 | 503;

/**
 * A refused caller, with what each transport answers: HTTP status and `WWW-Authenticate`, or the
 * graphql-ws close code (4401, 4403; 4500 when authentication itself is unavailable). The message
 * tells a client what to do and never holds the credential.
 */
export class AuthFailure extends Error {
  override name = 'AuthFailure';
  readonly closeCode: 4401 | 4403 | 4500;

  constructor(
    readonly status: AuthFailureStatus,
    message: string,
    /** The `WWW-Authenticate` value of a 401; undefined otherwise. */
    readonly wwwAuthenticate: string | undefined = undefined,
  ) {
    super(message);
    this.closeCode = status === 401 ? 4401 : status === 403 ? 4403 : 4500;
  }

  /** No credential at all: RFC 6750 §3.1 gives no error code then. */
  static missing(): AuthFailure {
    return new AuthFailure(
      401,
      'Authentication required: send "Authorization: Bearer <token>" or "x-api-key: <key>".',
      `Bearer realm="${REALM}"`,
    );
  }

  /** A credential that is malformed, badly signed, expired or unknown. */
  static invalid(message: string, scheme: 'Bearer' | 'ApiKey' = 'Bearer'): AuthFailure {
    const challenge =
      scheme === 'Bearer'
        ? `Bearer realm="${REALM}", error="invalid_token", error_description="${quoted(message)}"`
        : `ApiKey realm="${REALM}"`;
    return new AuthFailure(401, message, challenge);
  }

  /** A request that does not say what it is, e.g. two credentials at once (RFC 6750 invalid_request). */
  static badRequest(message: string): AuthFailure {
    return new AuthFailure(401, message, `Bearer realm="${REALM}", error="invalid_request", error_description="${quoted(message)}"`);
  }

  static forbidden(message: string): AuthFailure {
    return new AuthFailure(403, message);
  }

  /** The key set or the key store could not be read: the caller may be fine, so no 401. */
  static unavailable(): AuthFailure {
    return new AuthFailure(503, 'Authentication is unavailable for a moment; try again.');
  }
}

/** RFC 6750 §3: error_description is a quoted-string of printable ASCII without `"` or `\`. */
function quoted(text: string): string {
  return text.replace(/[^\x20-\x7e]|["\\]/g, "'");
}
