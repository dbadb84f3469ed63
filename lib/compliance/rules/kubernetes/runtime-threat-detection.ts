import { check, defineRule, notApplicable } from '../../define-rule';
import { EvidenceSubject, RuleSeverity } from '../../types';
import { chartName, finalValueAt } from './release-values';

/** Every cluster runs Falco with its syscall driver on. */
export const k8sRuntimeThreatDetection = defineRule(
  {
    id: 'k8s-runtime-threat-detection',
    title: 'Every cluster runs runtime threat detection (Falco with its syscall driver)',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep ClusterBaseline falco on (the default) and leave driver.enabled at true in falcoOptions values.',
    remediationTargets: ['ClusterBaselineProps.falco', 'ClusterBaselineProps.falcoOptions'],
    cisControls: [],
    resourceTypes: ['helm_release'],
    constructDefault: 'ClusterBaseline: falco release with the modern eBPF driver',
    evidence: { protects: [EvidenceSubject.KUBERNETES_CLUSTER] },
  },
  (release) => {
    if (chartName(release) !== 'falco') {
      return notApplicable('not the falco chart');
    }
    const enabled = finalValueAt(release, 'driver.enabled') ?? true;
    return check(enabled === true, `driver.enabled=${JSON.stringify(enabled)}: Falco captures no syscalls`);
  },
);
