// Internal: input checks shared by the mesh traffic rules (egress, ingress, rate limits).
import { Token } from 'cdktf';
import { invalidProp, missingProp } from '../../../errors';
import { parseCidr } from '../../../azure/network/cidr';
import { MeshWorkloadLabel } from './mesh-authorization';

const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** A whole port number 1-65535 (unresolved tokens pass). */
export function validPort(construct: string, prop: string, port: number): number {
  if (port === undefined || port === null) {
    throw missingProp(construct, prop, 'give the port number, e.g. 443');
  }
  if (!Token.isUnresolved(port) && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw invalidProp(construct, prop, port, 'a port number from 1 to 65535', 'give a whole port number such as 443');
  }
  return port;
}

/** Ports of a list (at least one when required). */
export function validPorts(construct: string, prop: string, ports: number[] | undefined, required: boolean): number[] {
  if (ports !== undefined && ports !== null && !Array.isArray(ports)) {
    throw invalidProp(construct, prop, ports, 'a list of port numbers', 'e.g. [8080]');
  }
  if (required && (!ports || ports.length === 0)) {
    throw missingProp(construct, prop, 'list the ports, e.g. [8080]');
  }
  return [...new Set((ports ?? []).map((p, i) => validPort(construct, `${prop}[${i}]`, p)))].sort((a, b) => a - b);
}

/** Kubernetes label selectors as a sorted matchLabels map (at least one label when required). */
export function matchLabels(construct: string, prop: string, labels: MeshWorkloadLabel[] | undefined, required: boolean): Record<string, string> {
  if (labels !== undefined && labels !== null && !Array.isArray(labels)) {
    throw invalidProp(construct, prop, labels, 'a list of { key, value } labels', 'e.g. [{ key: "app", value: "api" }]');
  }
  if (required && (!labels || labels.length === 0)) {
    throw missingProp(construct, prop, 'select the workloads by their pod labels, e.g. [{ key: "app", value: "api" }]');
  }
  const out: Record<string, string> = {};
  for (const [i, label] of (labels ?? []).entries()) {
    if (!label || typeof label.key !== 'string' || !LABEL_KEY.test(label.key) || typeof label.value !== 'string' || !LABEL_VALUE.test(label.value)) {
      throw invalidProp(construct, `${prop}[${i}]`, label, 'a Kubernetes label { key, value }', 'use a key such as "app" and a value of letters, digits, "-", "_" and "."');
    }
    if (out[label.key] !== undefined && out[label.key] !== label.value) {
      throw invalidProp(construct, `${prop}[${i}]`, label, `one value per key (${label.key} is also ${JSON.stringify(out[label.key])})`, 'a pod has one value per label key: keep one');
    }
    out[label.key] = label.value;
  }
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}

/**
 * The widest egress CIDR a rule may name: a NetworkPolicy rule to a wider range (`0.0.0.0/0`, `0.0.0.0/1`,
 * a /7) opens the port to a large part of the Internet, so it is no longer the backstop under the mesh.
 */
export const WIDEST_EGRESS_PREFIX = 8;

/** IPv4 CIDRs with host bits zero and at most `/widestPrefix` wide (unresolved tokens pass), sorted and deduplicated. */
export function validCidrs(construct: string, prop: string, cidrs: string[] | undefined, widestPrefix = WIDEST_EGRESS_PREFIX): string[] {
  if (cidrs !== undefined && cidrs !== null && !Array.isArray(cidrs)) {
    throw invalidProp(construct, prop, cidrs, 'a list of IPv4 CIDRs', 'e.g. ["10.240.9.0/27"]');
  }
  for (const cidr of cidrs ?? []) {
    validCidr(construct, prop, cidr, widestPrefix, 'list the address ranges behind the host, each at most that wide');
  }
  return [...new Set(cidrs ?? [])].sort();
}

/** Throws unless the CIDR is an IPv4 CIDR with host bits zero, at most `/widestPrefix` wide (unresolved tokens pass). */
export function validCidr(construct: string, prop: string, cidr: string, widestPrefix: number, fix: string): void {
  if (Token.isUnresolved(cidr)) {
    return;
  }
  const block = typeof cidr === 'string' ? parseCidr(cidr) : undefined;
  if (!block) {
    throw invalidProp(construct, prop, cidr, 'IPv4 CIDRs with the host bits zero, e.g. "10.240.9.0/27" or "20.38.64.12/32"', 'write each address range as a CIDR');
  }
  if (block.prefix < widestPrefix) {
    throw invalidProp(construct, prop, cidr, `an IPv4 CIDR of /${widestPrefix} or narrower (a /${block.prefix} holds ${block.size} addresses)`, fix);
  }
}

/** True for a literal IPv4 address or CIDR. */
export function isIpOrCidr(value: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/.test(value);
}
