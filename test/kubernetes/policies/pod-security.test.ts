import { GatekeeperPolicy, PodSecurityLevel, PodSecurityVersion } from '../../../lib';
import { PodSecurityProfile, PolicyDefinition } from '../../../lib/kubernetes/addons/gatekeeper-policies/policy-definition';
import { policyLibrary, renderTemplate } from '../../../lib/kubernetes/addons/gatekeeper-policies/policy-library';
import { evaluateTemplate } from '../../helpers/cel-harness';
import { schemaProblems } from '../../helpers/k8s-schema';
import { GOOD_POD, GOOD_WINDOWS_POD } from './fixtures';
import { ParityCase, PARITY_CASES } from './pod-security-cases';

const PROFILES: PodSecurityProfile[] = [PodSecurityLevel.BASELINE, PodSecurityLevel.RESTRICTED].flatMap((level) =>
  PodSecurityVersion.all().map((version) => ({ level, version })),
);
const name = (p: PodSecurityProfile) => `${p.level} ${p.version.label}`;

/**
 * The checks Pod Security Admission runs at a profile (policy/registry.go: restricted runs its own
 * checks and the baseline checks none of them overrides), written out here independently of the library.
 */
function admissionChecks(p: PodSecurityProfile): string[] {
  const baseline = ['appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess'];
  if (p.version.minor >= 34) {
    baseline.push('hostProbesAndHostLifecycle');
  }
  if (p.level === PodSecurityLevel.BASELINE) {
    return baseline.sort();
  }
  const restricted = ['allowPrivilegeEscalation', 'capabilities_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted'];
  const overridden = ['capabilities_baseline', 'hostPathVolumes', 'seccompProfile_baseline'];
  if (p.version.minor >= 35) {
    restricted.push('procMount_restricted');
    overridden.push('procMount');
  }
  return [...baseline.filter((c) => !overridden.includes(c)), ...restricted].sort();
}

/** The library keeps hostPathVolumes at restricted, where restrictedVolumes refuses every pod it refuses. */
const KEPT_OVERRIDDEN = (p: PodSecurityProfile) => (p.level === PodSecurityLevel.RESTRICTED ? ['hostPathVolumes'] : []);

interface Rendered {
  readonly definition: PolicyDefinition;
  readonly template: any;
}
const SETS = new Map<PodSecurityProfile, Rendered[]>(
  PROFILES.map((p) => [p, policyLibrary(p).filter((d) => d.podSecurity).map((definition) => ({ definition, template: renderTemplate(definition) }))]),
);

/** The Pod Security policies that refuse `object` at the profile. */
function deniers(p: PodSecurityProfile, object: any): GatekeeperPolicy[] {
  return SETS.get(p)!.filter((r) => !evaluateTemplate(r.template, object).allowed).map((r) => r.definition.policy).sort();
}

describe('the Pod Security set implements the checks Pod Security Admission runs', () => {
  test.each(PROFILES.map((p) => [name(p), p] as const))('%s', (_n, p) => {
    const implemented = SETS.get(p)!.flatMap((r) => r.definition.podSecurity!.checks).sort();
    expect(implemented).toEqual([...admissionChecks(p), ...KEPT_OVERRIDDEN(p)].sort());
    // Each template records the profile it was written for.
    for (const { definition, template } of SETS.get(p)!) {
      expect(template.metadata.annotations).toMatchObject({
        'cdktf-hardened-k8s/pod-security-level': p.level,
        'cdktf-hardened-k8s/pod-security-version': p.version.label,
        'cdktf-hardened-k8s/pod-security-checks': definition.podSecurity!.checks.join(','),
      });
    }
  });
});

/** What went wrong for one fixture at a profile, or undefined when the library decides as Pod Security Admission does. */
function mismatch(p: PodSecurityProfile, parity: ParityCase): string | undefined {
  const expected = parity.denied(p) ? [...parity.deniedBy(p)].sort() : [];
  const actual = deniers(p, parity.object);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    return `${parity.name}: expected denial by [${expected.join(', ')}], got [${actual.join(', ')}]`;
  }
  if (expected.length === 0) {
    return undefined;
  }
  // The policy named first implements the Pod Security Admission check that refuses the pod here, and says so.
  const primary = SETS.get(p)!.find((r) => r.definition.policy === parity.deniedBy(p)[0])!;
  const check = parity.check(p);
  if (!primary.definition.podSecurity!.checks.includes(check)) {
    return `${parity.name}: ${primary.definition.policy} implements ${primary.definition.podSecurity!.checks.join(', ')}, not ${check}`;
  }
  const messages = evaluateTemplate(primary.template, parity.object).messages.join('\n');
  const prefix = `Pod Security ${p.level} ${p.version.label} (${check}): `;
  return messages.includes(prefix) ? undefined : `${parity.name}: message ${JSON.stringify(messages)} does not start with ${JSON.stringify(prefix)}`;
}

// One test per profile keeps the suite fast; a failure lists every fixture decided differently.
describe.each(PROFILES.map((p) => [name(p), p] as const))('Pod Security %s (CEL evaluated by @bufbuild/cel)', (_n, p) => {
  test('the restricted Linux and Windows pods are admitted', () => {
    expect(deniers(p, GOOD_POD)).toEqual([]);
    expect(deniers(p, GOOD_WINDOWS_POD)).toEqual([]);
  });
  test(`${PARITY_CASES.length} fixtures are decided as Pod Security Admission decides them, by the policy of the check`, () => {
    expect(PARITY_CASES.map((c) => mismatch(p, c)).filter((m) => m !== undefined)).toEqual([]);
  });
});

test('every check Pod Security Admission runs has allowed and denied fixtures at every profile', () => {
  const missing: string[] = [];
  for (const p of PROFILES) {
    for (const check of admissionChecks(p)) {
      const judged = PARITY_CASES.filter((c) => c.check(p) === check);
      if (!judged.some((c) => c.denied(p))) {
        missing.push(`${name(p)} ${check}: no denied fixture`);
      }
      if (!judged.some((c) => !c.denied(p))) {
        missing.push(`${name(p)} ${check}: no allowed fixture`);
      }
    }
  }
  expect(missing).toEqual([]);
});

test('every parity fixture is a schema-valid Pod (kubernetes-models)', () => {
  expect(schemaProblems([GOOD_POD, GOOD_WINDOWS_POD, ...PARITY_CASES.map((c) => c.object)])).toEqual([]);
});
