// Internal: the command line of `cdktf-hardened-k8s`, parsed into check options or a usage error.
import { CheckOptions, PlanArgument } from './check';
import { CheckInputError } from './input-error';

export const USAGE = [
  'Usage: cdktf-hardened-k8s check <cdktf.out> [options]',
  '',
  'Re-checks a synthesized app with the packs, options and waivers its synth recorded, without running it.',
  '',
  'Options:',
  '  --plan <stack>=<plan.json>  judge the stack on its Terraform plan (terraform show -json plan.out); repeatable',
  '  --rules <module>            a module exporting the app\'s own rule packs (.js, or .ts with ts-node); repeatable',
  '  --sarif <file>              write SARIF 2.1.0 (code scanning)',
  '  --junit <file>              write JUnit XML (a test suite per stack, a test case per rule and resource)',
  '  --markdown <file>           write the report for people (compliance.md)',
  '  --json <file>               write the report for machines (compliance.json)',
  '  --help, --version',
  '',
  'Exit codes: 0 no blocking finding, 1 blocking findings, 2 usage or input error.',
].join('\n');

export type ParsedCommand = { readonly kind: 'help' } | { readonly kind: 'version' } | { readonly kind: 'check'; readonly options: CheckOptions };

const VALUE_OPTIONS = ['--plan', '--rules', '--sarif', '--junit', '--markdown', '--json'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function usageError(problem: string): CheckInputError {
  return new CheckInputError(`${problem}\n\n${USAGE}`);
}

function planArgument(value: string): PlanArgument {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) {
    throw usageError(`--plan ${JSON.stringify(value)} is not <stack>=<plan.json>. Fix: name the stack and its plan file, e.g. --plan platformprod-infra=plan.json`);
  }
  return { stack: value.slice(0, at), file: value.slice(at + 1) };
}

/** Parses the arguments after the program name. */
export function parseArguments(argv: string[], cwd: string): ParsedCommand {
  if (argv.length === 0) {
    throw usageError('no command given. Fix: run cdktf-hardened-k8s check <cdktf.out>');
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    return { kind: 'help' };
  }
  if (argv[0] === '--version') {
    return { kind: 'version' };
  }
  const [command, ...rest] = argv;
  if (command !== 'check') {
    throw usageError(`unknown command ${JSON.stringify(command)}. Allowed: check. Fix: run cdktf-hardened-k8s check <cdktf.out>`);
  }
  const positional: string[] = [];
  const values: Record<ValueOption, string[]> = { '--plan': [], '--rules': [], '--sarif': [], '--junit': [], '--markdown': [], '--json': [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq > 0 ? arg.slice(0, eq) : arg) as ValueOption;
    if (!VALUE_OPTIONS.includes(name)) {
      throw usageError(`unknown option ${JSON.stringify(arg)}. Allowed: ${VALUE_OPTIONS.join(', ')}`);
    }
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw usageError(`option ${name} needs a value`);
    }
    values[name].push(value);
  }
  if (positional.length !== 1) {
    throw usageError(positional.length === 0 ? 'check needs the cdktf output directory, e.g. check cdktf.out' : `check takes one output directory, but got ${positional.map((p) => JSON.stringify(p)).join(', ')}`);
  }
  for (const single of ['--sarif', '--junit', '--markdown', '--json'] as const) {
    if (values[single].length > 1) {
      throw usageError(`option ${single} is given ${values[single].length} times; give it once`);
    }
  }
  return {
    kind: 'check',
    options: {
      outdir: positional[0],
      plans: values['--plan'].map(planArgument),
      rules: values['--rules'],
      sarif: values['--sarif'][0],
      junit: values['--junit'][0],
      markdown: values['--markdown'][0],
      json: values['--json'][0],
      cwd,
    },
  };
}
