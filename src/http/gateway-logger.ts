import { GraphQLError } from 'graphql';
import { createLogger, type YogaLogger } from 'graphql-yoga';
import { VendorError } from '../sources/vendor-error';

/**
 * Yoga's logger, except that a vendor's failure, which Yoga logs each time it masks one, is one
 * warning line rather than an error with a stack: during a vendor outage every request has one,
 * and what an operator needs is which vendor, which call and what it answered.
 */
export function createGatewayLogger(): YogaLogger {
  const logger = createLogger();
  return {
    ...logger,
    error: (...args: unknown[]) => {
      // Yoga logs the error a resolver threw, which graphql-js has wrapped with its path.
      const [first] = args;
      const vendorError = first instanceof GraphQLError ? first.originalError : first;
      if (vendorError instanceof VendorError) logger.warn(describe(vendorError));
      else logger.error(...args);
    },
  };
}

/** The message names the vendor, the call and what it answered; the code and status say what kind of failure it is. */
function describe(error: VendorError): string {
  const details = [error.code, error.status && `status ${error.status}`, error.requestId && `request id ${error.requestId}`].filter(Boolean);
  return `${error.message} (${details.join(', ')})`;
}
