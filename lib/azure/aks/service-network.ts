// Internal: the Kubernetes service network of an AKS cluster, checked as AKS and the API server check it.
import { Token } from 'cdktf';
import { invalidProp } from '../../errors';
import { Ipv4Block, overlaps, parseCidr } from '../network/cidr';

/** Ranges AKS refuses for the service CIDR (Azure CNI docs: link-local, Docker's default bridges, TEST-NET-1). */
const AKS_RESERVED = ['169.254.0.0/16', '172.30.0.0/16', '172.31.0.0/16', '192.0.2.0/24'].map((c) => parseCidr(c) as Ipv4Block);

function ipv4(address: string): number | undefined {
  const block = parseCidr(`${address}/32`);
  return block?.start;
}

function dotted(n: number): string {
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
}

/**
 * The service CIDR is an IPv4 block of at most /12 (the API server refuses larger ones) outside the ranges
 * AKS reserves; the DNS service IP lies inside it and is neither its network address, its first address
 * (the `kubernetes` service takes it) nor its broadcast address.
 */
export function validateServiceNetwork(construct: string, serviceCidr: string, dnsServiceIp: string, given: { serviceCidr: boolean; dnsServiceIp: boolean }): void {
  if (Token.isUnresolved(serviceCidr)) {
    return;
  }
  const block = parseCidr(serviceCidr);
  if (!block) {
    throw invalidProp(construct, 'serviceCidr', serviceCidr, 'an IPv4 CIDR with the host bits zero, e.g. "172.16.0.0/16"', 'fix the CIDR');
  }
  if (block.prefix < 12 || block.prefix > 29) {
    throw invalidProp(construct, 'serviceCidr', serviceCidr, 'a block from /12 (the largest the API server accepts) to /29', 'use a /16, e.g. "172.16.0.0/16"');
  }
  const reserved = AKS_RESERVED.find((r) => overlaps(r, block));
  if (reserved) {
    throw invalidProp(construct, 'serviceCidr', serviceCidr, `a block outside ${AKS_RESERVED.map((r) => r.cidr).join(', ')} (AKS reserves them)`, `move it off ${reserved.cidr}, e.g. "172.16.0.0/16"`);
  }
  if (Token.isUnresolved(dnsServiceIp)) {
    return;
  }
  const ip = ipv4(dnsServiceIp);
  const suggestion = dotted(block.start + 10);
  const fix = given.dnsServiceIp ? `use an address such as "${suggestion}"` : `set dnsServiceIp inside serviceCidr, e.g. "${suggestion}" (its default 172.16.0.10 belongs to the default serviceCidr)`;
  if (ip === undefined) {
    throw invalidProp(construct, 'dnsServiceIp', dnsServiceIp, `an IPv4 address inside serviceCidr ${serviceCidr}`, fix);
  }
  const last = block.start + block.size - 1;
  if (ip < block.start || ip > last) {
    throw invalidProp(construct, 'dnsServiceIp', dnsServiceIp, `an address inside serviceCidr ${serviceCidr} (${dotted(block.start + 2)}-${dotted(last - 1)})`, fix);
  }
  if (ip === block.start || ip === block.start + 1 || ip === last) {
    const what = ip === block.start ? 'the network address' : ip === last ? 'the broadcast address' : 'the first address, which the kubernetes service takes';
    throw invalidProp(construct, 'dnsServiceIp', dnsServiceIp, `an address of serviceCidr ${serviceCidr} other than ${what}`, fix);
  }
}
