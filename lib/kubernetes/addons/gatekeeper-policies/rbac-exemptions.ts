// Internal: the checks of the RBAC policies' allowlists. The namespaces they exempt (a namespace's Roles
// and RoleBindings, which the constraint skips, and its service accounts as requesters and as subjects)
// are those of the one exemption model (lib/kubernetes/exemptions.ts): the system namespaces and the
// ones every constraint skips, by exact name.
import { invalidProp } from '../../../errors';
import { RbacSubject, RbacSubjectKind } from './rbac-subject';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const ROLE_NAME = /^[^*\s/]+$/;

/** The constraint parameter form of a subject: `{ kind, name[, namespace] }`. */
export function subjectParameter(subject: RbacSubject): Record<string, string> {
  return { kind: subject.kind, name: subject.name, ...(subject.kind === RbacSubjectKind.SERVICE_ACCOUNT ? { namespace: subject.namespace! } : {}) };
}

/** Throws unless the subject names one exact, non-system subject. */
export function validateRbacSubject(construct: string, prop: string, subject: RbacSubject): void {
  if (!subject || typeof subject !== 'object' || !Object.values(RbacSubjectKind).includes(subject.kind)) {
    throw invalidProp(construct, `${prop}[].kind`, subject?.kind, Object.values(RbacSubjectKind).join(', '), 'use an RbacSubjectKind member');
  }
  const name = subject.name;
  if (typeof name !== 'string' || name.trim() !== name || name === '' || name.includes('*') || name.startsWith('system:')) {
    throw invalidProp(
      construct,
      `${prop}[].name`,
      name,
      'one exact user, group or service account name, without "*" and not a "system:" name (system subjects are exempt through the exemption model; system:masters, system:authenticated and the like must never be allowlisted)',
      'name the subject exactly, e.g. the Entra ID object id of the administrators group',
    );
  }
  if (subject.kind === RbacSubjectKind.SERVICE_ACCOUNT) {
    if (typeof subject.namespace !== 'string' || !DNS_LABEL.test(subject.namespace)) {
      throw invalidProp(construct, `${prop}[${name}].namespace`, subject.namespace, "the service account's namespace, a DNS label (no \"*\")", 'give the namespace, e.g. "ci"');
    }
  } else if (subject.namespace !== undefined) {
    throw invalidProp(construct, `${prop}[${name}].namespace`, subject.namespace, 'no namespace for a User or Group', 'remove namespace, or use RbacSubjectKind.SERVICE_ACCOUNT');
  }
}

/** Throws unless the role is `<namespace>/<name>` (a Role) or `<name>` (a ClusterRole), without `*`. */
export function validateAllowedRole(construct: string, prop: string, value: unknown): void {
  const parts = typeof value === 'string' ? value.split('/') : [];
  const valid = (parts.length === 1 && ROLE_NAME.test(parts[0])) || (parts.length === 2 && DNS_LABEL.test(parts[0]) && ROLE_NAME.test(parts[1]));
  if (!valid) {
    throw invalidProp(
      construct,
      prop,
      value,
      '"<namespace>/<name>" for a Role or "<name>" for a ClusterRole, named exactly (no "*")',
      'name the role, e.g. "payments/hardened-tenant"',
    );
  }
}
