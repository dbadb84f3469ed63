// Internal: the component arguments RKE2 starts a Kubernetes component with, from a `*-arg` config key
// (`kube-apiserver-arg`, `kubelet-arg`, ...). RKE2 (k3s pkg/util/args.go GetArgs) passes each entry as a
// `--flag=value` after its own default for the flag, with three forms:
//   `flag=value`   replaces RKE2's default; repeated, every value is passed in order;
//   `flag+=value`  keeps RKE2's default and adds the value after it;
//   `flag-=value`  puts the value before RKE2's default.
// A component reads a repeated scalar flag as its last value, and a repeated list flag
// (`--enable-admission-plugins`, `--tls-cipher-suites`, ...) as all values joined.

/** RKE2's own value of the list flags the rules read, where a `+=` entry keeps it. */
export const RKE2_API_SERVER_DEFAULTS: Record<string, string> = {
  'enable-admission-plugins': 'NodeRestriction',
  'authorization-mode': 'Node,RBAC',
};

/** The effective arguments of one component. */
export class Rke2Args {
  /** Reads a `*-arg` value (a list of entries, or one entry), with RKE2's defaults for the component. */
  public static of(value: unknown, defaults: Record<string, string> = {}): Rke2Args {
    const entries = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
    const passed = new Map<string, string[]>();
    const setByUser = new Set<string>();
    const pending = new Map(Object.entries(defaults));
    for (const entry of entries) {
      const text = String(entry).replace(/^--?/, '');
      const eq = text.indexOf('=');
      const rawFlag = eq < 0 ? text : text.slice(0, eq);
      const value = eq < 0 ? 'true' : text.slice(eq + 1);
      const flag = rawFlag.replace(/[+-]+$/, '');
      const initial = pending.has(flag) ? [pending.get(flag)!] : [];
      pending.delete(flag);
      const existing = passed.get(flag) ?? [];
      if (rawFlag.endsWith('+')) {
        passed.set(flag, [...initial, ...existing, value]);
      } else if (rawFlag.endsWith('-')) {
        passed.set(flag, [value, ...initial, ...existing]);
      } else {
        passed.set(flag, [...existing, value]);
      }
      setByUser.add(flag);
    }
    for (const [flag, value] of pending) {
      passed.set(flag, [value]);
    }
    return new Rke2Args(passed, setByUser);
  }

  private constructor(
    private readonly passed: Map<string, string[]>,
    private readonly setByUser: Set<string>,
  ) {}

  /** True when the config sets the flag (in any form). */
  public has(flag: string): boolean {
    return this.setByUser.has(flag);
  }

  /** The value a scalar flag ends up with (the last one passed), or undefined when unset. */
  public value(flag: string): string | undefined {
    const values = this.passed.get(flag);
    return values ? values[values.length - 1] : undefined;
  }

  /** The items a list flag ends up with: every value passed, split at commas. */
  public list(flag: string): string[] {
    return (this.passed.get(flag) ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  }

  /** The admission plugins the API server runs: those enabled (RKE2's default kept by `+=`), minus those disabled. */
  public admissionPlugins(): string[] {
    const disabled = new Set(this.list('disable-admission-plugins'));
    return this.list('enable-admission-plugins').filter((p) => !disabled.has(p));
  }
}
