import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import type { Logger } from '../logging/logger';
import { VendorError } from '../sources/vendor-error';

/**
 * Yoga's logger on the gateway's, except that a vendor's failure, which Yoga logs each time it
 * masks one, is one warning line rather than an error with a stack: during a vendor outage every
 * request has one, and what an operator needs is which vendor, which call and what it answered.
 */
export function createGatewayLogger(logger: Logger): YogaLogger {
  const yogaLogger = logger.child({ component: 'graphql' });
  return {
    debug: (...args: unknown[]) => write(yogaLogger, 'debug', args),
    info: (...args: unknown[]) => write(yogaLogger, 'info', args),
    warn: (...args: unknown[]) => write(yogaLogger, 'warn', args),
    error: (...args: unknown[]) => {
      // Yoga logs the error a resolver threw, which graphql-js has wrapped with its path.
      const [first] = args;
      const vendorError = first instanceof GraphQLError ? first.originalError : first;
      if (vendorError instanceof VendorError) yogaLogger.warn(vendorFields(vendorError), describe(vendorError));
      else write(yogaLogger, 'error', args);
    },
  };
}

/**
 * One line of Yoga's arguments: its words as the message and the first error as `err`. Anything
 * else (an object Yoga passes at debug level may hold a request's variables) is named by its kind only.
 */
function write(logger: Logger, level: 'debug' | 'info' | 'warn' | 'error', args: unknown[]): void {
  if (!logger.isLevelEnabled(level)) return;
  const error = args.find((arg): arg is Error => arg instanceof Error);
  const words = args.filter((arg) => !(arg instanceof Error)).map((arg) => (typeof arg === 'string' || typeof arg === 'number' ? String(arg) : `[${typeof arg}]`));
  const message = words.join(' ') || error?.message || '';
  if (error) logger[level]({ err: error }, message);
  else logger[level](message);
}

/** The failure's vendor, call and answer as fields; the agency by its id only. */
function vendorFields(error: VendorError): Record<string, unknown> {
  return { vendor: error.vendor, call: error.endpoint, status: error.status, code: error.code, agency: error.agencyId, vendorRequestId: error.requestId };
}

/**
 * The message names the vendor, the call and what it answered; the agency whose account it was
 * (its id only), the code and the status say whose and what kind of failure it is.
 */
function describe(error: VendorError): string {
  const details = [
    error.agencyId && `agency ${error.agencyId}`,
    error.code,
    error.status && `status ${error.status}`,
    error.requestId && `request id ${error.requestId}`,
  ].filter(Boolean);
  return `${error.message} (${details.join(', ')})`;
}
