// The `cdktf-hardened-k8s` command. It loads the compliance engine and the rule packs only, never
// cdktf or a provider, so it starts fast and runs without the app's dependencies.
import { libraryPackage } from '../compliance/library-package';
import { parseArguments, USAGE } from './arguments';
import { runCheck } from './check';
import { CheckInputError } from './input-error';

export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly cwd: string;
}

/** Runs the command; returns the exit code: 0 no blocking finding, 1 blocking findings, 2 usage or input error. */
export function main(argv: string[], io: CommandIo): number {
  try {
    const command = parseArguments(argv, io.cwd);
    if (command.kind === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (command.kind === 'version') {
      io.out(libraryPackage().version);
      return 0;
    }
    return runCheck(command.options, io.out).exitCode;
  } catch (e) {
    if (e instanceof CheckInputError || (e instanceof Error && e.name === 'HardenedK8sError')) {
      io.err(`cdktf-hardened-k8s: ${e.message}`);
      return 2;
    }
    // A rule module or rule that throws: still an input problem, and never a pass.
    io.err(`cdktf-hardened-k8s: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 2;
  }
}

/** Runs the command on this process's arguments and sets its exit code. */
export function runFromProcess(): void {
  process.exitCode = main(process.argv.slice(2), {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    cwd: process.cwd(),
  });
}

if (require.main === module) {
  runFromProcess();
}
