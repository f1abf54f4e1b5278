/**
 * Checking data against the contract, with an error a person can read. Both sides use it: the build
 * before it writes a file, the app when it loads one.
 */
import * as v from 'valibot';

export class SchemaMismatchError extends Error {
  constructor(
    readonly what: string,
    readonly details: string,
  ) {
    super(`${what} does not match the expected format: ${details}`);
    this.name = 'SchemaMismatchError';
  }
}

/** Returns `data` typed by `schema`, or throws a SchemaMismatchError naming `what` was checked. */
export function parseOrThrow<TSchema extends v.GenericSchema>(
  schema: TSchema,
  data: unknown,
  what: string,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  throw new SchemaMismatchError(what, v.summarize(result.issues));
}
