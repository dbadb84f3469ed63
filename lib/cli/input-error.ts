// Internal: the `check` command's usage and input errors (exit code 2). Each says what was wrong, the
// value received, what is allowed and how to fix it, like the library's construct errors.
import { HardenedK8sError } from '../errors';

/** A usage or input error of the `check` command: it exits 2 with the message, and never passes. */
export class CheckInputError extends HardenedK8sError {
  constructor(message: string) {
    super(message);
    this.name = 'CheckInputError';
  }
}

export function inputError(what: string, value: unknown, allowed: string, fix: string): CheckInputError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return new CheckInputError(`${what}: ${shown}. Allowed: ${allowed}. Fix: ${fix}`);
}
