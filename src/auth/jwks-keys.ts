import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

export interface JwksKeysOptions {
  /** The fewest milliseconds between two fetches that a token with an unknown `kid` may cause. @default 30000 */
  cooldownMs?: number;
  /** How long a key set fetch may take before it is given up. @default 5000 */
  timeoutMs?: number;
  /** How often the key set is re-read in the background, so keys the issuer removed stop verifying. @default 600000 */
  refreshMs?: number;
}

/**
 * The keys of AUTH_JWKS_URL, through jose's remote key set. jose's own `cacheMaxAge` would drop
 * every key once it passed and fail every token while the key server is down; here the cache never
 * ages out (`Infinity`), and a background `reload()`, whose failure is ignored, keeps it current.
 * A token with an unknown `kid` (a rotation) re-fetches at most once per `cooldownMs`.
 */
export function createJwksKeys(url: URL, options: JwksKeysOptions = {}): JWTVerifyGetKey {
  const refreshMs = options.refreshMs ?? 600_000;
  const remote = createRemoteJWKSet(url, {
    cacheMaxAge: Infinity,
    cooldownDuration: options.cooldownMs ?? 30_000,
    timeoutDuration: options.timeoutMs ?? 5_000,
  });
  let lastRefresh = Date.now();

  return (header, token) => {
    if (remote.jwks() && !remote.reloading && Date.now() - lastRefresh >= refreshMs) {
      lastRefresh = Date.now();
      remote.reload().catch(() => undefined);
    }
    return remote(header, token);
  };
}
