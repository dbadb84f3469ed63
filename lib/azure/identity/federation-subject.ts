// Internal: what a workload identity may be federated with, and the names Azure accepts for it.
import { createHash } from 'crypto';
import { Token } from 'cdktf';
import { invalidProp } from '../../errors';

/** A Kubernetes DNS subdomain (service account names may contain dots). */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** azurerm/Azure: a user-assigned identity name is 3-128 letters, digits, "-" and "_", starting alphanumeric. */
const IDENTITY_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$/;
/** Namespaces of the cluster's own components: an Azure identity there reaches Azure from system pods. */
const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];

/**
 * The service account is a name of its own: every pod that names no service account runs as `default`, so
 * federating `default` hands the Azure identity (and its Key Vault access) to all of them.
 */
export function validateServiceAccountName(construct: string, name: string): void {
  if (Token.isUnresolved(name)) {
    return;
  }
  if (typeof name !== 'string' || name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    throw invalidProp(construct, 'serviceAccountName', name, 'a Kubernetes service account name (a DNS subdomain: lower-case letters, digits, "-" and ".")', 'use a name such as "payments-api"');
  }
  if (name === 'default') {
    throw invalidProp(
      construct,
      'serviceAccountName',
      name,
      'a dedicated service account, not "default" (every pod that names none runs as default; CIS AKS 1.8 4.1.5, 5.2.1)',
      'create a service account for the workload (e.g. "payments-api") and set serviceAccountName on its pods',
    );
  }
}

/** The namespace is a workload namespace: not the default namespace, not a Kubernetes system one. */
export function validateFederatedNamespace(construct: string, namespace: string): void {
  if (Token.isUnresolved(namespace)) {
    return;
  }
  if (namespace === 'default' || SYSTEM_NAMESPACES.includes(namespace)) {
    throw invalidProp(
      construct,
      'namespace',
      namespace,
      `a workload namespace (not default, CIS AKS 1.8 4.6.3, nor ${SYSTEM_NAMESPACES.join(', ')})`,
      'federate the service account of a workload in its own namespace, e.g. a HardenedNamespace "payments"',
    );
  }
}

/** The managed identity's name is one Azure accepts. */
export function validateIdentityName(construct: string, name: string): void {
  if (!Token.isUnresolved(name) && (typeof name !== 'string' || !IDENTITY_NAME.test(name))) {
    throw invalidProp(construct, 'name', name, '3-128 letters, digits, "-" and "_", starting with a letter or digit', 'use a name such as "id-payments"');
  }
}

/** Azure: a federated identity credential name is 3-120 letters, digits, "-" and "_", starting alphanumeric. */
const CREDENTIAL_NAME_MAX = 120;

/**
 * The federated credential's name for a service account: `<namespace>-<service account>`, dots (which
 * service account names may have) as "-", shortened with a hash of the full name beyond 120 characters.
 */
export function federatedCredentialName(namespace: string, serviceAccountName: string): string {
  if (Token.isUnresolved(namespace) || Token.isUnresolved(serviceAccountName)) {
    return `${namespace}-${serviceAccountName}`;
  }
  const name = `${namespace}-${serviceAccountName}`.replace(/\./g, '-');
  if (name.length <= CREDENTIAL_NAME_MAX) {
    return name;
  }
  const hash = createHash('sha256').update(`${namespace}/${serviceAccountName}`).digest('hex').slice(0, 8);
  return `${name.slice(0, CREDENTIAL_NAME_MAX - 9).replace(/-+$/, '')}-${hash}`;
}
