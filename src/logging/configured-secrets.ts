import type { Config } from '../config';

/**
 * Every secret value the configuration holds, for the logger to mask wherever it appears: the
 * webhook, report-link, metrics and token-signing secrets and each configured vendor credential
 * (every value of an account but its base URL).
 */
export function configuredSecrets(config: Config): string[] {
  const accounts = [config.agency, ...(config.fileAgencies ?? []).map((agency) => agency.vendors)].flatMap((vendors) => Object.values(vendors));
  const credentials = accounts.flatMap((account) =>
    account && typeof account === 'object' ? Object.entries(account).filter(([key, value]) => key !== 'baseUrl' && typeof value === 'string').map(([, value]) => value as string) : [],
  );
  return [config.webhookSecret, config.reportLinkSecret, config.metricsToken, config.auth.jwtSecret, config.repositReferrerToken, ...credentials].filter(
    (value): value is string => typeof value === 'string',
  );
}
