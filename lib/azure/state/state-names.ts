// Internal: the names a state backend is built from. A backend block cannot hold references, so
// every one must be a literal; each is checked against what Azure or HCP Terraform accepts.
import { Token } from 'cdktf';
import { invalidProp, missingProp, tokenNotAllowed } from '../../errors';
import { isPrivate, parseCidr } from '../network/cidr';
import { WIDEST_RUNNER_PREFIX } from './runner-prefix';

const STORAGE_ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
const CONTAINER_NAME = /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const KEY_SEGMENT = '[A-Za-z0-9_.-]+';
const KEY_PREFIX = new RegExp(`^${KEY_SEGMENT}(/${KEY_SEGMENT})*$`);
const WORKSPACE_NAME = /^[A-Za-z0-9_-]{1,90}$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/(\d{1,2}))?$/;


/** Throws unless the value is a literal, non-empty string. */
export function requireLiteral(construct: string, prop: string, value: unknown, fix: string): string {
  if (typeof value !== 'string' || !value.trim()) {
    throw missingProp(construct, prop, fix);
  }
  if (Token.isUnresolved(value)) {
    throw tokenNotAllowed(construct, prop, 'Terraform reads backend settings before it evaluates any expression');
  }
  return value;
}

/** Undefined, or a literal GUID (a subscription or tenant id in a backend block). */
export function optionalGuid(construct: string, prop: string, value: unknown): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const literal = requireLiteral(construct, prop, value, `give ${prop} as a GUID, or leave it out`);
  if (!GUID.test(literal)) {
    throw invalidProp(construct, prop, literal, 'a GUID such as "00000000-0000-0000-0000-000000000000"', `copy the ${prop} from \`az account show\``);
  }
  return literal;
}

/** Throws unless the value is a storage account name Azure accepts: 3-24 lower-case letters and digits. */
export function validateStorageAccountName(construct: string, prop: string, value: unknown): string {
  const name = requireLiteral(construct, prop, value, 'name the state storage account, e.g. "sttfstateplatform"');
  if (!STORAGE_ACCOUNT_NAME.test(name)) {
    throw invalidProp(
      construct,
      prop,
      name,
      '3-24 lower-case letters and digits (no hyphens, dots or capitals), globally unique in Azure',
      `use a name such as "${name.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 24).padEnd(3, '0')}"`,
    );
  }
  return name;
}

/** Throws unless the value is a blob container name Azure accepts. */
export function validateContainerName(construct: string, prop: string, value: unknown): string {
  const name = requireLiteral(construct, prop, value, 'name the state container, e.g. "tfstate"');
  if (!CONTAINER_NAME.test(name)) {
    throw invalidProp(
      construct,
      prop,
      name,
      '3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit',
      'use a name such as "tfstate"',
    );
  }
  return name;
}

/** Throws unless the value is a state key prefix: path segments of letters, digits, ".", "_" and "-" joined by "/". */
export function validateKeyPrefix(construct: string, prop: string, value: unknown): string {
  const prefix = requireLiteral(construct, prop, value, 'give a prefix such as "prod/westeurope", or leave it out');
  if (!KEY_PREFIX.test(prefix)) {
    throw invalidProp(
      construct,
      prop,
      prefix,
      'path segments of letters, digits, ".", "_" and "-" joined by "/", with no leading or trailing "/"',
      'use a prefix such as "prod/westeurope"',
    );
  }
  return prefix;
}

/** The blob key of a stack's state: `<prefix>/<stack>.tfstate`, or `<stack>.tfstate` without a prefix. */
export function stateKey(prefix: string | undefined, stackName: string): string {
  return prefix ? `${prefix}/${stackName}.tfstate` : `${stackName}.tfstate`;
}

/** Throws unless the value is an HCP Terraform workspace name: 1-90 letters, digits, "_" and "-". */
export function validateWorkspaceName(construct: string, prop: string, value: string): string {
  if (!WORKSPACE_NAME.test(value)) {
    throw invalidProp(
      construct,
      prop,
      value,
      'an HCP Terraform workspace name: 1-90 letters, digits, "_" and "-"',
      'shorten the workspace prefix or the stack name, and use only letters, digits, "_" and "-"',
    );
  }
  return value;
}

/**
 * Throws unless every entry is a public IPv4 address or prefix Azure storage network rules accept
 * (prefix /0-/30, not RFC 1918) and no wider than /24 (a runner's egress, not a network).
 */
export function validateRunnerEgressRanges(construct: string, prop: string, ranges: unknown): string[] {
  if (!Array.isArray(ranges) || ranges.length === 0) {
    throw invalidProp(construct, prop, ranges, 'a non-empty list of the runners\' public egress addresses', 'list the NAT or egress IPs of the pipeline runners, or use privateEndpointSubnetId');
  }
  const allowed = `public IPv4 addresses or prefixes from /${WIDEST_RUNNER_PREFIX} to /30, e.g. "20.50.10.4" or "20.50.10.0/28"`;
  for (const range of ranges) {
    if (typeof range !== 'string' || Token.isUnresolved(range)) {
      throw invalidProp(construct, prop, range, allowed, 'list literal addresses: the rules must read them at synth time');
    }
    const match = IPV4.exec(range);
    const block = match ? parseCidr(match[5] ? range : `${range}/32`) : undefined;
    if (!block) {
      throw invalidProp(construct, prop, range, allowed, 'write the address as a.b.c.d or a.b.c.d/n with the host bits zero');
    }
    if (isPrivate(block)) {
      throw invalidProp(construct, prop, range, allowed, 'Azure storage network rules take public addresses only; reach the account from private networks through privateEndpointSubnetId');
    }
    if (match![5] && (block.prefix < WIDEST_RUNNER_PREFIX || block.prefix > 30)) {
      throw invalidProp(
        construct,
        prop,
        range,
        allowed,
        block.prefix > 30 ? 'Azure refuses /31 and /32 prefixes: give a single address without a prefix' : 'a range this wide is close to public: name the runners\' NAT addresses, or use a private endpoint',
      );
    }
  }
  if (new Set(ranges).size !== ranges.length) {
    throw invalidProp(construct, prop, ranges, 'each address once', 'remove the repeated entries');
  }
  return [...(ranges as string[])];
}
