// Judges the pods Kubernetes generates to test Pod Security Admission with the library's Pod Security set.
//
//   npm run check:pod-security -- <checkout of k8s.io/pod-security-admission at a release tag>
//
// The checkout's test/testdata/<level>/v1.<minor>/{pass,fail}/*.yaml hold, per level and version, pods
// Pod Security Admission admits and refuses; a refused pod's file is named after the check that refuses
// it. For every supported PodSecurityVersion (a version without its own folder uses the newest older one,
// as Pod Security Admission does), each pass pod must be admitted by every policy and each fail pod
// refused by the policy implementing its check. Nothing is downloaded; run it when adding a version.
//
// The files are not defaulted; admission sees pods after the API server has defaulted them, so the one
// default the checks depend on is applied first: a volume without a source becomes an emptyDir.
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { PodSecurityLevel } from '../lib/kubernetes/namespace/pod-security';
import { PodSecurityVersion } from '../lib/kubernetes/namespace/pod-security-version';
import { policyLibrary, renderTemplate } from '../lib/kubernetes/addons/gatekeeper-policies/policy-library';
import { evaluateTemplate } from '../test/helpers/cel-harness';

/** Restricted checks that replace a baseline check, so a baseline check's fail pods are refused by them at restricted. */
const OVERRIDES: Record<string, string> = {
  capabilities_baseline: 'capabilities_restricted',
  hostpathvolumes: 'restrictedvolumes',
  procmount: 'procmount_restricted',
  seccompprofile_baseline: 'seccompprofile_restricted',
};

/** The API server's defaulting the checks depend on (SetDefaults_Volume: no source means emptyDir). */
function defaulted(pod: any): any {
  for (const volume of pod?.spec?.volumes ?? []) {
    if (Object.keys(volume).every((k) => k === 'name')) {
      volume.emptyDir = {};
    }
  }
  return pod;
}

function versionFolder(levelDir: string, minor: number): string | undefined {
  const minors = fs.existsSync(levelDir)
    ? fs.readdirSync(levelDir).map((d) => /^v1\.(\d+)$/.exec(d)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]))
    : [];
  const best = Math.max(-1, ...minors.filter((m) => m <= minor));
  return best < 0 ? undefined : path.join(levelDir, `v1.${best}`);
}

function main(): void {
  const root = process.argv[2];
  if (!root || !fs.existsSync(path.join(root, 'test', 'testdata'))) {
    process.stderr.write('usage: check-pod-security-conformance <checkout of k8s.io/pod-security-admission with test/testdata>\n');
    process.exit(2);
  }
  const problems: string[] = [];
  let judged = 0;
  for (const level of [PodSecurityLevel.BASELINE, PodSecurityLevel.RESTRICTED]) {
    for (const version of PodSecurityVersion.all()) {
      const folder = versionFolder(path.join(root, 'test', 'testdata', level), version.minor);
      if (!folder) {
        problems.push(`${level} ${version.label}: no testdata`);
        continue;
      }
      const set = policyLibrary({ level, version }).filter((d) => d.podSecurity).map((d) => ({ d, template: renderTemplate(d) }));
      for (const outcome of ['pass', 'fail']) {
        const dir = path.join(folder, outcome);
        for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : []) {
          const podObject = defaulted(yaml.load(fs.readFileSync(path.join(dir, file), 'utf-8')));
          const deniers = set.filter((s) => !evaluateTemplate(s.template, podObject).allowed);
          const where = `${level} ${version.label} ${outcome}/${file}`;
          judged++;
          if (outcome === 'pass' && deniers.length > 0) {
            problems.push(`${where}: refused by ${deniers.map((s) => s.d.policy).join(', ')}`);
          }
          if (outcome === 'fail') {
            const named = file.replace(/\d+\.yaml$/, '').toLowerCase();
            const check = level === PodSecurityLevel.RESTRICTED && OVERRIDES[named] && set.some((s) => s.d.podSecurity!.checks.some((c) => c.toLowerCase() === OVERRIDES[named])) ? OVERRIDES[named] : named;
            if (!deniers.some((s) => s.d.podSecurity!.checks.some((c) => c.toLowerCase() === check))) {
              problems.push(`${where}: not refused by the policy of ${check} (refused by: ${deniers.map((s) => s.d.policy).join(', ') || 'none'})`);
            }
          }
        }
      }
    }
  }
  process.stdout.write(`${judged} pods judged, ${problems.length} decided differently from Pod Security Admission\n`);
  problems.forEach((p) => process.stdout.write(`  ${p}\n`));
  process.exit(problems.length ? 1 : 0);
}

main();
