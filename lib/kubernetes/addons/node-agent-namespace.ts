// Internal: the namespace of an add-on whose pods need host access (node agents and scanners).
import { Construct } from 'constructs';
import { addBuiltInWaiver } from '../../compliance/waivers';
import { HardenedNamespace, HardenedNamespaceProps } from '../namespace/hardened-namespace';
import { PodSecurityLevel } from '../namespace/pod-security';
import { libraryNamespaceProps } from '../namespace/reserved-namespaces';
import { POD_SECURITY_RULE_ID } from '../rule-ids';

/**
 * A HardenedNamespace that enforces Pod Security `privileged` (audit and warn stay `restricted`), with a
 * built-in waiver that names why. Everything else (default-deny network policy, no default token) stays.
 */
export function nodeAgentNamespace(scope: Construct, id: string, props: HardenedNamespaceProps, why: string): HardenedNamespace {
  const namespace = new HardenedNamespace(scope, id, libraryNamespaceProps({ ...props, podSecurityLevel: PodSecurityLevel.PRIVILEGED }));
  addBuiltInWaiver(namespace, { ruleId: POD_SECURITY_RULE_ID, reason: `node agent namespace: ${why}` });
  return namespace;
}
