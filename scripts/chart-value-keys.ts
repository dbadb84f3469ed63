// Writes the key list of a chart at a pinned version, the fixture the chart-hardening tests check the
// registered hardening keys against: every dotted path of its values.yaml (maps and leaves; lists are
// leaves) and every `.Values.<path>` its templates and files read. Run it again when a pin changes:
//
//   npm run chart-keys -- <git dir of the chart's repository> <tag> <chart directory> <chart> <version> <owner/repo>
//
// e.g. `npm run chart-keys -- ../gatekeeper/.git v3.23.0 charts/gatekeeper gatekeeper 3.23.0 open-policy-agent/gatekeeper`.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';

/** Istio charts keep their defaults under this key and read them at the top level. */
const ISTIO_DEFAULTS = '_internal_defaults_do_not_set';

function git(gitDir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
}

/** Dotted paths of a values document, dots inside keys escaped as Helm does (`a\.b`). */
function valuePaths(values: unknown, prefix = ''): string[] {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    return [];
  }
  return Object.entries(values as Record<string, unknown>).flatMap(([key, value]) => {
    const p = `${prefix}${key.replace(/\./g, '\\.')}`;
    return [p, ...valuePaths(value, `${p}.`)];
  });
}

/** Every `.Values.a.b.c` a template reads (the longest dotted chain after `.Values`). */
function templatePaths(text: string): string[] {
  return [...text.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)/g)].map((m) => m[1].slice(1));
}

function main(): void {
  const [gitDir, ref, chartDir, chart, version, repository] = process.argv.slice(2);
  if (!repository) {
    throw new Error('usage: chart-value-keys <git dir> <tag> <chart directory> <chart> <version> <owner/repo>');
  }
  const valuesFile = `${chartDir}/values.yaml`;
  let values = yaml.load(git(gitDir, 'show', `${ref}:${valuesFile}`)) as Record<string, unknown>;
  if (values && typeof values === 'object' && ISTIO_DEFAULTS in values) {
    values = values[ISTIO_DEFAULTS] as Record<string, unknown>;
  }
  const files = git(gitDir, 'ls-tree', '-r', '--name-only', ref, `${chartDir}/`)
    .split('\n')
    .filter((f) => f && !f.startsWith(`${chartDir}/charts/`) && !/\/values[^/]*\.yaml$/.test(f) && /\.(yaml|yml|tpl|txt)$/.test(f));
  const read = new Set<string>();
  for (const file of files) {
    templatePaths(git(gitDir, 'show', `${ref}:${file}`)).forEach((p) => read.add(p));
  }
  const fixture = {
    chart,
    version,
    source: { repository, ref, valuesFile, templates: `${chartDir}/ (every file but values*.yaml and subcharts)` },
    valuesPaths: [...new Set(valuePaths(values))].sort(),
    templatePaths: [...read].sort(),
  };
  const target = path.join(__dirname, '..', 'test', 'kubernetes', 'fixtures', 'chart-keys', `${chart}-${version}.json`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${JSON.stringify(fixture, null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}: ${fixture.valuesPaths.length} values paths, ${fixture.templatePaths.length} template paths\n`);
}

main();
