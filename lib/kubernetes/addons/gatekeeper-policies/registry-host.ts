// Internal: validation of allowed-registry entries.
import { Token } from 'cdktf';
import { invalidProp } from '../../../errors';

const LABEL = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
const REGISTRY_PREFIX = new RegExp(`^(${LABEL}(\\.${LABEL})+|localhost)(:[0-9]{1,5})?/([a-z0-9._-]+/)*$`);

/**
 * Throws unless the entry is a registry host with a dot (or `localhost`), an optional port and optional
 * repository path, ending in `/`: the policy matches image prefixes, so the slash keeps
 * `myacr.azurecr.io` from also admitting `myacr.azurecr.io.evil.example/...`.
 */
export function validateRegistryPrefix(construct: string, entry: string): void {
  if (Token.isUnresolved(entry)) {
    throw invalidProp(construct, 'allowedRegistries', '<unresolved token>', 'literal registry hosts', 'pass the registry login server as a string, e.g. "myacr.azurecr.io/"');
  }
  if (typeof entry !== 'string' || !REGISTRY_PREFIX.test(entry)) {
    throw invalidProp(
      construct,
      'allowedRegistries',
      entry,
      'a registry host (with a dot, or localhost), optional :port and repository path, ending in "/", e.g. "myacr.azurecr.io/" or "mcr.microsoft.com/oss/"; no scheme, wildcard or tag',
      typeof entry === 'string' && REGISTRY_PREFIX.test(entry + '/')
        ? `add the trailing slash: "${entry}/"`
        : 'give the registry login server such as "myacr.azurecr.io/"',
    );
  }
}
