/** What the docs and the contract say of a mutated input: it must be accepted, must be refused, or may go either way. */
export type Expectation = 'accept' | 'refuse' | 'either';
