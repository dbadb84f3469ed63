// Internal: the Pod Security Admission labels of a namespace, one definition for every namespace the library labels.
import { PodSecurityLabels, PodSecurityLevel } from './pod-security';
import { PodSecurityVersion } from './pod-security-version';

/**
 * The six labels: `enforce` at the given level; `audit` and `warn` always `restricted`, so whatever a
 * looser enforced level admits still shows up; each pinned to the same version.
 */
export function podSecurityLabelValues(enforce: PodSecurityLevel, version: PodSecurityVersion): Record<string, string> {
  return {
    [PodSecurityLabels.AUDIT]: PodSecurityLevel.RESTRICTED,
    [PodSecurityLabels.AUDIT_VERSION]: version.label,
    [PodSecurityLabels.ENFORCE]: enforce,
    [PodSecurityLabels.ENFORCE_VERSION]: version.label,
    [PodSecurityLabels.WARN]: PodSecurityLevel.RESTRICTED,
    [PodSecurityLabels.WARN_VERSION]: version.label,
  };
}
