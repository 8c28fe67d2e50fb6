/** Compile-time exhaustiveness check for discriminated unions. */
export function assertNever(value: never, message: string): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}
