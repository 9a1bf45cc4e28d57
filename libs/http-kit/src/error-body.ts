/** The one shape of every refusal the HTTP edge returns: a stable code and a human sentence. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly fields?: readonly FieldProblem[];
  readonly details?: Record<string, unknown>;
}

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `criteria.2.weight`. */
  readonly field: string;
  readonly problems: readonly string[];
}
