import { GraphQLError } from 'graphql';
import { createLogger, type YogaLogger } from 'graphql-yoga';
import { VendorError } from '../sources/vendor-error';

/**
 * Yoga's logger, except that a vendor's failure, which Yoga logs each time it masks one, is one
 * warning line rather than an error with a stack: during a vendor outage every request has one,
 * and what an operator needs is which vendor, which call and what it answered.
 */
export function createGatewayLogger(): YogaLogger {
  const logger = shortening(createLogger());
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

/** The most characters of one logged value: ids, e-mails and messages that clients choose can be any length. */
export const LOG_VALUE_LIMIT = 500;

/** Every level of the logger, with each value cut to LOG_VALUE_LIMIT: the one place log values are shortened. */
function shortening(logger: YogaLogger): YogaLogger {
  const cut = (log: (...args: unknown[]) => void) => (...args: unknown[]) => log(...args.map(shortened));
  return { debug: cut(logger.debug), info: cut(logger.info), warn: cut(logger.warn), error: cut(logger.error) };
}

function shortened(value: unknown): unknown {
  if (typeof value === 'string') return shortenedText(value);
  // An error with a long message is logged as its shortened stack; a short one keeps its own form.
  if (value instanceof Error && value.message.length > LOG_VALUE_LIMIT) return shortenedText(value.stack ?? value.message);
  return value;
}

function shortenedText(text: string): string {
  return text.length <= LOG_VALUE_LIMIT ? text : `${text.slice(0, LOG_VALUE_LIMIT)}… (${text.length - LOG_VALUE_LIMIT} more characters)`;
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
