/** One rule one input field broke. `field` is a path into the input, e.g. `addresses.0.postCode`. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/**
 * Input refused at the edge, before any vendor was called, with every problem found (not just
 * the first), so a form can mark all its bad fields at once.
 */
export class ValidationError extends Error {
  override name = 'ValidationError';

  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((problem) => problem.message).join('; '));
  }
}

/** Collects problems while an input is checked; `throwIfAny` ends the check. */
export class ProblemList {
  readonly problems: FieldProblem[] = [];

  add(field: string, rule: string, message: string): void {
    this.problems.push({ field, rule, message: `${field}: ${message}` });
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new ValidationError(this.problems);
  }
}
