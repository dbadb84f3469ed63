// Internal: the namespace of an add-on whose pods need host access (node agents and scanners).
import { Construct } from 'constructs';
import { addBuiltInWaiver } from '../../compliance/waivers';
import { isOwnAgentNamespace } from '../exemptions';
import { HardenedNamespace, HardenedNamespaceProps } from '../namespace/hardened-namespace';
import { PodSecurityLevel } from '../namespace/pod-security';
import { libraryNamespaceProps } from '../namespace/reserved-namespaces';
import { POD_SECURITY_RULE_ID } from '../rule-ids';

/**
 * A HardenedNamespace that enforces Pod Security `privileged` (audit and warn stay `restricted`).
 * Everything else (default-deny network policy, no default token) stays. Only the namespace the library
 * names for the add-on (`AGENT_NAMESPACES`) gets a built-in waiver saying why: a namespace the user chose
 * instead may hold workloads, so its privileged level is a finding that needs the app's own waiver.
 */
export function nodeAgentNamespace(scope: Construct, id: string, addonId: string, props: HardenedNamespaceProps, why: string): HardenedNamespace {
  const namespace = new HardenedNamespace(scope, id, libraryNamespaceProps({ ...props, podSecurityLevel: PodSecurityLevel.PRIVILEGED }));
  if (isOwnAgentNamespace(addonId, props.name)) {
    addBuiltInWaiver(namespace, { ruleId: POD_SECURITY_RULE_ID, reason: `node agent namespace: ${why}` });
  }
  return namespace;
}
