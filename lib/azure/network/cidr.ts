// IPv4 CIDR arithmetic for validation at construction time. Internal.

/** A parsed IPv4 CIDR block. */
export interface Ipv4Block {
  readonly cidr: string;
  /** First address as an unsigned 32-bit number. */
  readonly start: number;
  /** Number of addresses. */
  readonly size: number;
  readonly prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; undefined when it is not a valid IPv4 CIDR with the host bits zero. */
export function parseCidr(cidr: string): Ipv4Block | undefined {
  const m = CIDR.exec(cidr);
  if (!m) {
    return undefined;
  }
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) {
    return undefined;
  }
  const address = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) {
    return undefined;
  }
  return { cidr, start: address, size, prefix };
}

/** True when two blocks share an address. */
export function overlaps(a: Ipv4Block, b: Ipv4Block): boolean {
  return a.start < b.start + b.size && b.start < a.start + a.size;
}

/** True when the inner block lies inside the outer one. */
export function contains(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return inner.start >= outer.start && inner.start + inner.size <= outer.start + outer.size;
}

/** True for RFC 1918 private addresses and blocks. */
export function isPrivate(block: Ipv4Block): boolean {
  const ranges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseCidr(c) as Ipv4Block);
  return ranges.some((r) => contains(r, block));
}

/** Usable addresses of an Azure subnet (Azure reserves five in every subnet). */
export function azureUsableAddresses(block: Ipv4Block): number {
  return Math.max(0, block.size - 5);
}
