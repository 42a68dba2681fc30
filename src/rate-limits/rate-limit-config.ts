/** Requests and vendor calls one principal and one agency may make per window, and open subscriptions. Set from the environment in config.ts. */
export interface RateLimitConfig {
  /** RATE_LIMIT_WINDOW_SECONDS: the fixed window every count below is kept for. @default 60 */
  windowSeconds: number;
  /** RATE_LIMIT_PER_PRINCIPAL: operations one principal may start per window, on every instance together. @default 600 */
  requestsPerPrincipal: number;
  /** RATE_LIMIT_PER_AGENCY: operations all of one agency's principals may start per window. @default 6000 */
  requestsPerAgency: number;
  /** VENDOR_CALLS_PER_PRINCIPAL: estimated vendor calls one principal's operations may cost per window. @default 6000 */
  vendorCallsPerPrincipal: number;
  /** VENDOR_CALLS_PER_AGENCY: estimated vendor calls one agency's operations may cost per window. @default 60000 */
  vendorCallsPerAgency: number;
  /** MAX_SUBSCRIPTIONS_PER_SOCKET: subscriptions open at once on one graphql-ws socket. @default 50 */
  subscriptionsPerSocket: number;
  /** MAX_SUBSCRIPTIONS_PER_PRINCIPAL: subscriptions one principal holds open at once, over every transport and instance. @default 100 */
  subscriptionsPerPrincipal: number;
  /** MAX_SUBSCRIPTIONS_PER_AGENCY: subscriptions one agency's principals hold open at once. @default 5000 */
  subscriptionsPerAgency: number;
}

/**
 * A person working a CRM screen starts a few operations a second at most; 600 a minute leaves a
 * tenfold margin, and 250 vendor calls (MAX_VENDOR_CALLS) is the dearest operation, so 6,000 vendor
 * calls a minute is two dozen of the dearest screens. An agency is ten such principals at full tilt.
 */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  windowSeconds: 60,
  requestsPerPrincipal: 600,
  requestsPerAgency: 6_000,
  vendorCallsPerPrincipal: 6_000,
  vendorCallsPerAgency: 60_000,
  subscriptionsPerSocket: 50,
  subscriptionsPerPrincipal: 100,
  subscriptionsPerAgency: 5_000,
};
