import { isSandboxMode, needsSandbox } from '../agencies/configured-agencies';
import type { Config } from '../config';
import { ConfigError } from '../config-error';
import { VENDORS, VENDOR_KEYS } from '../sources/vendors';

/** Loopback, where the gateway runs on a development convenience. */
export const LOOPBACK_HOST = '127.0.0.1';

/**
 * Where the gateway listens when HOST is unset: loopback in sandbox mode and with AUTH=off, so a
 * laptop on a shared network serves nobody else; otherwise every interface (undefined: Node's
 * unspecified address, IPv6 and IPv4), which a container needs to be reached through its port.
 */
export function defaultHost(config: Config): string | undefined {
  return isSandboxMode(config) || config.auth.off ? LOOPBACK_HOST : undefined;
}

/**
 * The combinations start-up refuses, each naming the variable to change. Production never runs
 * on a development convenience by omission, and a wildcard origin never comes with credentials.
 */
export function refuseUnsafeCombinations(config: Config): void {
  if (config.cors.credentials && config.cors.origins === '*') {
    throw new ConfigError('CORS_ORIGINS', "exact origins, not *, because CORS_CREDENTIALS is on: any site could read answers sent with its visitors' credentials");
  }
  if (!config.production) return;
  if (config.auth.off) {
    throw new ConfigError('AUTH', 'unset in production (NODE_ENV=production): AUTH=off serves every caller unauthenticated');
  }
  if (!config.sandbox.forced && needsSandbox(config)) {
    const simulated = VENDOR_KEYS.filter((key) => config.agency[key] === null);
    const variables = simulated.flatMap((key) => Object.values(VENDORS[key].account.credentials));
    throw new ConfigError(
      variables.join(', '),
      `values in production (NODE_ENV=production), or SANDBOX=1: the sandbox would play ${simulated.join(', ')} without being asked`,
    );
  }
  if (isSandboxMode(config) && !config.auth.jwksUrl && config.auth.jwtSecret === undefined) {
    throw new ConfigError('AUTH_JWKS_URL or AUTH_JWT_SECRET', "a value in production (NODE_ENV=production): the sandbox's printed development tokens are for development only");
  }
}
