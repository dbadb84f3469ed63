// Internal validation of Kubernetes names; not part of the public API.
import { Token } from 'cdktf';
import { invalidProp } from '../../errors';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Throws unless the value is an RFC 1123 DNS label (what Kubernetes requires of a namespace name). */
export function validateDnsLabel(construct: string, prop: string, value: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  if (typeof value !== 'string' || value.length > 63 || !DNS_LABEL.test(value)) {
    throw invalidProp(
      construct,
      prop,
      value,
      'an RFC 1123 DNS label: 1-63 characters, lower-case letters, digits and "-", starting and ending with a letter or digit',
      'use a name such as "payments" or "team-a"',
    );
  }
}
