// Internal: IPv4 address facts the gateway's validation and its compliance rules share. No cdktf import,
// so the `check` command can load the rules without the framework.

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** True when the value has the shape of a dotted IPv4 address (valid or not). */
export function looksLikeIpv4(value: string): boolean {
  return IPV4.test(value);
}

/** The octets of a valid IPv4 address, or undefined. */
export function ipv4Octets(value: string): number[] | undefined {
  const match = IPV4.exec(value);
  if (!match) {
    return undefined;
  }
  const parts = match.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : undefined;
}

/** True for an RFC 1918 private IPv4 address. */
export function isPrivateIpv4(value: string): boolean {
  const o = ipv4Octets(value);
  if (!o) {
    return false;
  }
  return o[0] === 10 || (o[0] === 172 && o[1] >= 16 && o[1] <= 31) || (o[0] === 192 && o[1] === 168);
}
