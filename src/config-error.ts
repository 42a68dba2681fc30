/** A bad variable of the environment (or of the agencies file), named with the rule it breaks; never with its value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    readonly expected: string,
  ) {
    super(`${variable}: expected ${expected}`);
  }
}
