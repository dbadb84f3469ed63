// The README's TypeScript cannot rot: every ts block is type-checked against the package as a consumer
// gets it (package.json `types`, the shipped declaration files, never the sources), and the quick start's
// main.ts is synthesized and must be green and deployable.
//
// Conventions, all enforced here: every fenced block names its language; a ts block is a whole program
// unless the line before its fence says `<!-- ts-check: after <name> -->`, which compiles it after the
// program named `<name>` (declared with `<!-- ts-check: program <name> -->`). There is no way to skip one.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as yaml from 'js-yaml';
import * as ts from 'typescript';
import { parseArguments } from '../lib/cli/arguments';

const ROOT = path.join(__dirname, '..');
const README = path.join(ROOT, 'README.md');
const TS_LANGUAGES = new Set(['ts', 'typescript']);
const OTHER_LANGUAGES = new Set(['sh', 'json', 'yaml', 'text']);
const DIRECTIVE = /^<!--\s*ts-check:\s*(.*?)\s*-->$/;

interface CodeBlock {
  /** 1-based README line of the first code line. */
  readonly line: number;
  readonly language: string;
  readonly code: string;
  readonly program?: string;
  readonly after?: string;
}

/** The fenced blocks of a markdown text; throws on a fence without a language or a stray directive. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  let directive: { text: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const match = DIRECTIVE.exec(line.trim());
    if (match) {
      directive = { text: match[1], line: i + 1 };
      continue;
    }
    const fence = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (!fence) {
      if (directive && line.trim() !== '') {
        throw new Error(`README.md:${directive.line}: "ts-check: ${directive.text}" is not followed by a ts block`);
      }
      continue;
    }
    const language = fence[2].trim().split(/\s+/)[0];
    if (!language) {
      throw new Error(`README.md:${i + 1}: a fenced block without a language; name it (ts, sh, json, text)`);
    }
    if (!TS_LANGUAGES.has(language) && !OTHER_LANGUAGES.has(language)) {
      throw new Error(`README.md:${i + 1}: fence language "${language}" is not one of ${[...TS_LANGUAGES, ...OTHER_LANGUAGES].join(', ')}`);
    }
    const end = lines.findIndex((l, j) => j > i && l.startsWith(fence[1]));
    if (end < 0) {
      throw new Error(`README.md:${i + 1}: the block is never closed`);
    }
    const block: CodeBlock = { line: i + 2, language, code: lines.slice(i + 1, end).join('\n'), ...parseDirective(directive, language) };
    blocks.push(block);
    directive = undefined;
    i = end;
  }
  if (directive) {
    throw new Error(`README.md:${directive.line}: "ts-check: ${directive.text}" is not followed by a ts block`);
  }
  return blocks;
}

function parseDirective(directive: { text: string; line: number } | undefined, language: string): { program?: string; after?: string } {
  if (!directive) {
    return {};
  }
  const match = /^(program|after)\s+(\S+)$/.exec(directive.text);
  if (!match || !TS_LANGUAGES.has(language)) {
    throw new Error(`README.md:${directive.line}: "ts-check: ${directive.text}" must be "program <name>" or "after <name>" before a ts block`);
  }
  return match[1] === 'program' ? { program: match[2] } : { after: match[2] };
}

/** A virtual source file for one ts block, and how its lines map back to the README. */
interface CheckedFile {
  readonly fileName: string;
  readonly text: string;
  /** README line of each line of `text` (0 for a line the test added). */
  readonly readmeLines: number[];
}

/** Whole programs as they are; a fragment inside a block after its program, its imports hoisted. */
export function checkedFiles(blocks: CodeBlock[]): CheckedFile[] {
  const programs = new Map<string, CodeBlock>();
  return blocks
    .filter((b) => TS_LANGUAGES.has(b.language))
    .map((block, index) => {
      const fileName = path.join(ROOT, '.readme-check', `block-${index + 1}-line-${block.line}.ts`);
      const own = block.code.split('\n').map((_l, j) => block.line + j);
      if (block.program) {
        if (programs.has(block.program)) {
          throw new Error(`README.md:${block.line}: a second program named ${block.program}`);
        }
        programs.set(block.program, block);
      }
      // `export {}` makes every block a module: blocks never share a global scope.
      if (!block.after) {
        return { fileName, text: `${block.code}\nexport {};`, readmeLines: [...own, 0] };
      }
      const program = programs.get(block.after);
      if (!program) {
        throw new Error(`README.md:${block.line}: "after ${block.after}" names no program above it`);
      }
      const { imports, body } = splitImports(block.code, importedNames(program.code));
      const programLines = program.code.split('\n').map((_l, j) => program.line + j);
      return {
        fileName,
        text: [...imports, program.code, '{', body, '}', 'export {};'].join('\n'),
        readmeLines: [...imports.map(() => block.line), ...programLines, 0, ...own, 0, 0],
      };
    });
}

/** `module name` keys of the named imports of a program. */
function importedNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const statement of ts.createSourceFile('p.ts', code, ts.ScriptTarget.ES2020).statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings)) {
      const module = (statement.moduleSpecifier as ts.StringLiteral).text;
      statement.importClause.namedBindings.elements.forEach((e) => names.add(`${module} ${e.name.text}`));
    }
  }
  return names;
}

/** A fragment's imports (those its program lacks) to hoist, and its body with the import lines blanked. */
function splitImports(code: string, have: Set<string>): { imports: string[]; body: string } {
  const source = ts.createSourceFile('f.ts', code, ts.ScriptTarget.ES2020);
  const lines = code.split('\n');
  const imports: string[] = [];
  for (const statement of source.statements.filter(ts.isImportDeclaration)) {
    const module = (statement.moduleSpecifier as ts.StringLiteral).text;
    const bindings = statement.importClause?.namedBindings;
    const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text).filter((n) => !have.has(`${module} ${n}`)) : [];
    if (names.length) {
      imports.push(`import { ${names.join(', ')} } from '${module}';`);
    }
    const from = source.getLineAndCharacterOfPosition(statement.getStart(source)).line;
    const to = source.getLineAndCharacterOfPosition(statement.getEnd()).line;
    for (let l = from; l <= to; l++) {
      lines[l] = '';
    }
  }
  return { imports, body: lines.join('\n') };
}

interface TypeCheck {
  /** README-located messages, empty when the blocks compile. */
  readonly diagnostics: string[];
  /** The library files the program read: declarations only, since the sources are hidden. */
  readonly libraryFiles: string[];
}

/** Parsed declaration files, shared by the checks of this file (parsing them is most of a check's cost). */
const parsed = new Map<string, ts.SourceFile | undefined>();

/** Type-checks the files as a consumer's app would be, against the package's declarations only. */
function typeCheck(files: CheckedFile[]): TypeCheck {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    lib: ['lib.es2020.d.ts'],
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    // A consumer's tests have jest's types; the testing entry adds its matchers to them.
    types: ['node', 'jest'],
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    // The package by name, through package.json `types` as npm would install it.
    baseUrl: ROOT,
    paths: { 'cdktf-hardened-k8s': ['.'], 'cdktf-hardened-k8s/testing': ['./testing'] },
  };
  const byName = new Map(files.map((f) => [f.fileName, f]));
  const host = ts.createCompilerHost(options);
  const libSources = path.join(ROOT, 'lib') + path.sep;
  // The package ships lib/**/*.d.ts and no .ts: hide the sources so the declarations are what is checked.
  const shipped = (fileName: string) => !(fileName.startsWith(libSources) && fileName.endsWith('.ts') && !fileName.endsWith('.d.ts'));
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => byName.has(f) || (shipped(f) && fileExists(f));
  host.readFile = (f) => byName.get(f)?.text ?? (shipped(f) ? readFile(f) : undefined);
  host.getSourceFile = (f, language, ...rest) => {
    const file = byName.get(f);
    if (file) {
      return ts.createSourceFile(f, file.text, language);
    }
    if (!parsed.has(f)) {
      parsed.set(f, getSourceFile(f, language, ...rest));
    }
    return parsed.get(f);
  };
  const program = ts.createProgram(
    files.map((f) => f.fileName),
    options,
    host,
  );
  const libraryFiles = program
    .getSourceFiles()
    .filter((f) => f.fileName.startsWith(libSources))
    .map((f) => path.relative(ROOT, f.fileName));
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const file = d.file && byName.get(d.file.fileName);
    if (!file || d.start === undefined) {
      return `${d.file?.fileName ?? 'options'}: ${message}`;
    }
    const { line } = d.file!.getLineAndCharacterOfPosition(d.start);
    return `README.md:${file.readmeLines[line] || '?'}: TS${d.code} ${message}`;
  });
  return { diagnostics, libraryFiles };
}

describe('README code blocks', () => {
  const blocks = codeBlocks(fs.readFileSync(README, 'utf-8'));
  const tsBlocks = blocks.filter((b) => TS_LANGUAGES.has(b.language));

  test('has the quick start program and its fragments', () => {
    expect(tsBlocks.filter((b) => b.program === 'main.ts')).toHaveLength(1);
    expect(tsBlocks.filter((b) => b.after === 'main.ts').length).toBeGreaterThanOrEqual(3);
  });

  test('every TypeScript block type-checks against the package declarations', () => {
    const { diagnostics, libraryFiles } = typeCheck(checkedFiles(blocks));
    expect(diagnostics).toEqual([]);
    // Through package.json `types` to the shipped declarations, never a source file.
    expect(libraryFiles).toContain(path.join('lib', 'index.d.ts'));
    expect(libraryFiles.filter((f) => !f.endsWith('.d.ts'))).toEqual([]);
  });

  test('every yaml block (the pipelines) parses as YAML', () => {
    const yamlBlocks = blocks.filter((b) => b.language === 'yaml');
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(2);
    const errors = yamlBlocks.flatMap((b) => {
      try {
        yaml.load(b.code);
        return [];
      } catch (e) {
        return [`README.md:${b.line}: ${(e as Error).message.split('\n')[0]}`];
      }
    });
    expect(errors).toEqual([]);
  });

  test('the GitHub Actions job gets plan JSON from terraform: setup-terraform without its wrapper', () => {
    const workflows = blocks.filter((b) => b.language === 'yaml').map((b) => yaml.load(b.code) as any).filter((w) => w?.jobs);
    expect(workflows).toHaveLength(1);
    // A whole workflow file: a trigger, and the token may write code scanning alerts and get an OIDC token.
    expect(workflows[0].on).toBeDefined();
    for (const job of Object.values<any>(workflows[0].jobs)) {
      expect(job.permissions).toMatchObject({ 'security-events': 'write', 'id-token': 'write' });
    }
    const steps: any[] = Object.values<any>(workflows[0].jobs).flatMap((job) => job.steps);
    expect(steps.some((step) => /terraform show -json/.test(step.run ?? ''))).toBe(true);
    const setup = steps.filter((step) => String(step.uses).startsWith('hashicorp/setup-terraform@'));
    expect(setup.map((step) => step.with?.terraform_wrapper)).toEqual([false]);
  });

  test('every check command the README shows is valid usage, and each --plan file is one its pipeline writes for that stack', () => {
    const commands = blocks
      .filter((b) => b.language === 'sh' || b.language === 'yaml')
      .flatMap((b) => b.code.replace(/\\\n\s*/g, ' ').split('\n').map((line) => ({ block: b, line })))
      .filter(({ line }) => line.includes('cdktf-hardened-k8s check'));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const { block, line } of commands) {
      const argv = line.slice(line.indexOf('cdktf-hardened-k8s check') + 'cdktf-hardened-k8s '.length).trim().split(/\s+/);
      const parsed = parseArguments(argv, ROOT);
      expect(parsed.kind).toBe('check');
      if (parsed.kind !== 'check' || block.language !== 'yaml') {
        continue;
      }
      for (const plan of parsed.options.plans) {
        const written = [...block.code.matchAll(/terraform show -json plan\.out > "?(\S+?)"?$/gm)].map((m) => path.basename(m[1]));
        expect([line, written]).toEqual([line, expect.arrayContaining([plan.file])]);
        expect(block.code).toContain(`cdktf.out/stacks/${plan.stack}`);
      }
    }
  });

  test('the compile commands it suggests for an app keep a source map (SARIF locations in the .ts files)', () => {
    const text = fs.readFileSync(README, 'utf-8').replace(/\n\s*/g, ' ');
    const commands = [...text.matchAll(/`npx esbuild [^`]*`/g)].map((m) => m[0]);
    expect(commands.length).toBeGreaterThanOrEqual(1);
    expect(commands.filter((c) => !c.includes('--sourcemap'))).toEqual([]);
    expect(text).toMatch(/`tsc` with `"sourceMap": true`/);
  });

  test('the install line names the exact peer versions of package.json and a TypeScript that ts-node can load', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
    const install = blocks.filter((b) => b.language === 'sh').map((b) => b.code).find((c) => c.includes('npm install --save-exact cdktf-hardened-k8s'));
    expect(install).toBeDefined();
    for (const [name, range] of Object.entries<string>(pkg.peerDependencies)) {
      const pinned = new RegExp(`(^|\\s)${name.replace(/[/.]/g, '\\$&')}@(\\S+)`).exec(install!)?.[2];
      expect([name, pinned && satisfiesPeer(pinned, range)]).toEqual([name, true]);
    }
    expect(install).toContain(`typescript@${pkg.devDependencies.typescript}`);
    expect(install).toContain(`ts-node@${pkg.devDependencies['ts-node']}`);
    expect(install).toContain(`cdktf-cli@${pkg.devDependencies['cdktf-cli']}`);
  });
});

/** Exact pins satisfy an exact peer or a caret range of the same major at or above its floor. */
function satisfiesPeer(version: string, range: string): boolean {
  const parse = (v: string) => v.replace(/^[\^~]/, '').split('.').map(Number);
  const [have, want] = [parse(version), parse(range)];
  if (!range.startsWith('^')) {
    return version === range;
  }
  return have[0] === want[0] && (have[1] > want[1] || (have[1] === want[1] && have[2] >= want[2]));
}

describe('conventions of the README check', () => {
  const fence = '```';
  test.each<[string, string, RegExp]>([
    ['a fence without a language', `${fence}\nconst a = 1;\n${fence}\n`, /README.md:1: a fenced block without a language/],
    ['an unknown language', `${fence}js\nconst a = 1;\n${fence}\n`, /fence language "js" is not one of/],
    ['a directive before prose', '<!-- ts-check: after main.ts -->\nsome text\n', /is not followed by a ts block/],
    ['a directive before a sh block', `<!-- ts-check: program x -->\n${fence}sh\nls\n${fence}\n`, /must be "program <name>" or "after <name>"/],
    ['a skip directive', `<!-- ts-check: skip -->\n${fence}ts\nconst a = 1;\n${fence}\n`, /must be "program <name>" or "after <name>"/],
    ['a block never closed', `${fence}ts\nconst a = 1;\n`, /never closed/],
  ])('rejects %s', (_label, markdown, message) => {
    expect(() => codeBlocks(markdown)).toThrow(message);
  });

  test('blocks do not share names: two whole programs may declare the same one', () => {
    const twice = `${fence}ts\nconst a = 1;\n${fence}\n\n${fence}ts\nconst a = 'x';\n${fence}\n`;
    expect(typeCheck(checkedFiles(codeBlocks(twice))).diagnostics).toEqual([]);
  });

  test('a fragment after an unknown program is an error, and a wrong name fails the type check', () => {
    expect(() => checkedFiles(codeBlocks(`<!-- ts-check: after nothing -->\n${fence}ts\nx();\n${fence}\n`))).toThrow(/names no program above it/);
    const fragment = `<!-- ts-check: program p -->\n${fence}ts\nconst a = 1;\n${fence}\n\n<!-- ts-check: after p -->\n${fence}ts\nconst b: string = a;\n${fence}\n`;
    expect(typeCheck(checkedFiles(codeBlocks(fragment))).diagnostics).toEqual([`README.md:8: TS2322 Type 'number' is not assignable to type 'string'.`]);
  });

  test('a mistake in a use of the package is reported at its README line', () => {
    const wrong = `${fence}ts\nimport { HardenedKeyVault } from 'cdktf-hardened-k8s';\ndeclare const vault: HardenedKeyVault;\nexport const id: string = vault.vaultId;\n${fence}\n`;
    expect(typeCheck(checkedFiles(codeBlocks(wrong))).diagnostics).toEqual([expect.stringMatching(/^README.md:4: TS\d+ Property 'vaultId' does not exist on type 'HardenedKeyVault'/)]);
  });
});

describe('the quick start main.ts', () => {
  const main = codeBlocks(fs.readFileSync(README, 'utf-8')).find((b) => b.program === 'main.ts')!;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk8s-readme-'));
  beforeAll(() => {
    // As a consumer runs it: transpiled, with `cdktf-hardened-k8s` resolving to the package's main (the bundle).
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
    const js = ts.transpileModule(main.code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
    // The app's own require: the package by name, everything else from this repository's node_modules.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const load = (id: string) => require(id === 'cdktf-hardened-k8s' ? path.join(ROOT, pkg.main) : id);
    const previous = process.env.CDKTF_OUTDIR;
    // The app prints its compliance summary; keep the test output to the test results.
    const print = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      process.env.CDKTF_OUTDIR = outdir;
      new Function('require', 'module', 'exports', js)(load, { exports: {} }, {});
    } finally {
      print.mockRestore();
      log.mockRestore();
      if (previous === undefined) {
        delete process.env.CDKTF_OUTDIR;
      } else {
        process.env.CDKTF_OUTDIR = previous;
      }
    }
  });
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf-8'));
  const infra = () => read('stacks/platform-infra/cdk.tf.json');

  test('synthesizes green: no finding open, nothing blocking', () => {
    const { summary } = read('compliance.json');
    expect(summary).toMatchObject({ nonCompliant: 0, unknown: 0, blocking: 0 });
    expect(summary.compliant).toBeGreaterThan(50);
    expect(fs.readdirSync(path.join(outdir, 'stacks')).sort()).toEqual(['platform-baseline-charts', 'platform-baseline-objects', 'platform-baseline-policies', 'platform-infra']);
  });

  test('the counts the README states for it are what it synthesizes', () => {
    const stated = /wrote (\w+) stacks with (\d+) compliant findings, (\d+) built-in exceptions \([^)]*\), (\d+) waived and (\d+) blocking/.exec(fs.readFileSync(README, 'utf-8'));
    expect(stated).not.toBeNull();
    const { summary, stacks } = read('compliance.json');
    const [, stackCount, compliant, exceptions, waived, blocking] = stated!;
    expect({ stacks: stackCount, compliant: Number(compliant), exceptions: Number(exceptions), waived: Number(waived), blocking: Number(blocking) }).toEqual({
      stacks: ['one', 'two', 'three', 'four', 'five', 'six'][stacks.length - 1],
      compliant: summary.compliant,
      exceptions: summary.exceptions,
      waived: summary.waived,
      blocking: summary.blocking,
    });
  });

  test('is deployable: the kubelet can pull, AGIC can program its gateway, the audit logs are exported', () => {
    const tf = infra();
    const roles = Object.values<any>(tf.resource.azurerm_role_assignment);
    const kubelet = Object.keys(tf.resource.azurerm_user_assigned_identity).find((k) => k.includes('kubelet-identity'));
    const registry = Object.keys(tf.resource.azurerm_container_registry)[0];
    expect(roles.filter((r) => r.role_definition_name === 'AcrPull').map((r) => [r.scope, r.principal_id])).toEqual([
      [`\${azurerm_container_registry.${registry}.id}`, `\${azurerm_user_assigned_identity.${kubelet}.principal_id}`],
    ]);
    const agic = roles.filter((r) => String(r.principal_id).includes('.ingress_application_gateway[0].ingress_application_gateway_identity[0].object_id'));
    expect(agic.map((r) => r.role_definition_name).sort()).toEqual(['Contributor', 'Managed Identity Operator', 'Network Contributor', 'Reader']);
    const audit = Object.values<any>(tf.resource.azurerm_monitor_diagnostic_setting).filter((d) => d.name === 'control-plane-audit');
    expect(audit.map((d) => d.enabled_log.map((l: any) => l.category))).toEqual([['guard', 'kube-apiserver', 'kube-audit-admin']]);
  });

  test('KMS reaches the private vault through API server VNet integration', () => {
    const cluster = Object.values<any>(infra().resource.azurerm_kubernetes_cluster)[0];
    expect(cluster.key_management_service.key_vault_network_access).toBe('Private');
    expect(cluster.api_server_access_profile.virtual_network_integration_enabled).toBe(true);
    expect(cluster.api_server_access_profile.subnet_id).toMatch(/^\$\{azurerm_subnet\.network_snet-api-server_[0-9A-F]+\.id\}$/);
  });

  test('the grant rules judged it, and found it compliant', () => {
    const findings = read('stacks/platform-infra/compliance.json').findings;
    for (const ruleId of ['aks-kubelet-acr-pull', 'aks-agic-permissions', 'aks-audit-logs', 'aks-diagnostic-settings-distinct', 'aks-kms-etcd-encryption']) {
      expect([ruleId, findings.filter((f: any) => f.ruleId === ruleId).map((f: any) => f.status)]).toEqual([ruleId, ['compliant']]);
    }
  });
});
