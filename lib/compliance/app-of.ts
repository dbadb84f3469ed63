// Internal: the App behind a scope given to a Compliance call, or an error saying what was given.
import { App } from 'cdktf';
import { scopeNotInApp } from '../errors';
import { libraryApp } from '../scope';

/** The App that holds `scope`; a HardenedK8sError for null, a non-construct, or a construct outside an App. */
export function appOf(api: string, scope: unknown): App {
  const node = (scope as any)?.node;
  if (!node || typeof node.path !== 'string') {
    const kind = typeof scope === 'object' ? 'an object' : `a ${typeof scope}`;
    throw scopeNotInApp(api, scope === null || scope === undefined ? String(scope) : `${kind} that is not a construct`);
  }
  let root: any = scope;
  while (root.node.scope) {
    root = root.node.scope;
  }
  if (!App.isApp(root)) {
    const rootType = root.constructor?.name ?? 'construct';
    throw scopeNotInApp(api, `${JSON.stringify(node.path || root.node.id)}, whose root is a ${rootType} (${JSON.stringify(root.node.id)}), not an App`);
  }
  // The same framework and stack-placement checks every construct of the library makes.
  return libraryApp(root, api);
}
