/**
 * Tells the library's errors from others. The library throws `HardenedK8sError` (an `Error` whose `name` is
 * "HardenedK8sError") for invalid input and blocked synth; jsii cannot export a subclass of `Error` to the
 * other languages, and `instanceof` fails across two copies of the library (the bundle and its modules),
 * so the check reads the name.
 */
export class HardenedK8sErrors {
  /** The name every error of the library carries. */
  public static readonly NAME = 'HardenedK8sError';

  /** True when `error` is an error the library threw (invalid input, a blocked synth). */
  public static isHardenedK8sError(error: any): boolean {
    return error instanceof Error && error.name === HardenedK8sErrors.NAME;
  }

  private constructor() {}
}
