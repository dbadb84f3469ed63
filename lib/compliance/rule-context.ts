import { compareStrings } from '../ordering';
import { ResolvedResource } from './resolved-resource';
import { createsNothing } from './resource-existence';
import { IResolvedResource, IRuleContext } from './types';

/**
 * Terraform types of the checkable items of a stack that are not resources. A data source is
 * `data.<type>` (e.g. `data.terraform_remote_state`), a provider configuration `provider.<name>` (e.g.
 * `provider.kubernetes`), the backend and the HCP Terraform cloud block `terraform_backend` (its name is
 * the backend type, or `cloud`), a variable `variable` and a local value `local`. Addresses are spelled as Terraform does (`data.<type>.<name>`,
 * `provider.<name>` or `provider.<name>.<alias>`, `terraform.backend.<type>`, `terraform.cloud`,
 * `var.<name>`, `local.<name>`).
 */
export const DATA_PREFIX = 'data.';
export const PROVIDER_PREFIX = 'provider.';
export const BACKEND_TYPE = 'terraform_backend';
/** A `variable` block (address `var.<name>`) and a local value (`local.<name>`, config `{ value }`). */
export const VARIABLE_TYPE = 'variable';
export const LOCAL_TYPE = 'local';

/** The resources and other checkable items of one synthesized stack, indexed by Terraform type. */
export class StackResources implements IRuleContext {
  public readonly stackName: string;
  private readonly byType = new Map<string, ResolvedResource[]>();
  private app: IRuleContext[] = [this];

  /**
   * `constructPaths` gives the construct path of the items whose JSON has no `//` metadata (providers,
   * backends, some data sources), by address; others fall back to their address. Resources and data
   * sources Terraform creates no instance of (`count = 0`, an empty `for_each`) are not items: what
   * they configure does not exist.
   */
  constructor(stackName: string, stackJson: any, constructPaths: ReadonlyMap<string, string> = new Map()) {
    this.stackName = stackName;
    const items: ResolvedResource[] = [];
    for (const [type, ofType] of entries(stackJson?.resource)) {
      items.push(...instantiated(ofType).map((name) => new ResolvedResource(type, name, ofType[name])));
    }
    for (const [type, ofType] of entries(stackJson?.data)) {
      items.push(
        ...instantiated(ofType).map((name) => {
          const address = `${DATA_PREFIX}${type}.${name}`;
          return new ResolvedResource(`${DATA_PREFIX}${type}`, name, ofType[name], { address, constructPath: constructPaths.get(address) });
        }),
      );
    }
    for (const [name, configs] of entries(stackJson?.provider)) {
      for (const config of Array.isArray(configs) ? configs : [configs]) {
        const alias = typeof config?.alias === 'string' ? config.alias : '';
        const address = `${PROVIDER_PREFIX}${name}${alias ? `.${alias}` : ''}`;
        items.push(new ResolvedResource(`${PROVIDER_PREFIX}${name}`, alias, config, { address, constructPath: constructPaths.get(address) }));
      }
    }
    for (const [type, config] of entries(stackJson?.terraform?.backend)) {
      const address = `terraform.backend.${type}`;
      items.push(new ResolvedResource(BACKEND_TYPE, type, config, { address, constructPath: constructPaths.get(address) }));
    }
    for (const [name, config] of entries(stackJson?.variable)) {
      items.push(new ResolvedResource(VARIABLE_TYPE, name, config, { address: `var.${name}`, constructPath: constructPaths.get(`var.${name}`) }));
    }
    for (const [name, value] of entries(stackJson?.locals)) {
      items.push(new ResolvedResource(LOCAL_TYPE, name, { value }, { address: `local.${name}`, constructPath: constructPaths.get(`local.${name}`) }));
    }
    if (stackJson?.terraform?.cloud) {
      items.push(new ResolvedResource(BACKEND_TYPE, 'cloud', stackJson.terraform.cloud, { address: 'terraform.cloud', constructPath: constructPaths.get('terraform.cloud') }));
    }
    for (const item of items) {
      const list = this.byType.get(item.terraformType);
      if (list) {
        list.push(item);
      } else {
        this.byType.set(item.terraformType, [item]);
      }
    }
  }

  public resourcesOfType(terraformType: string): IResolvedResource[] {
    return this.byType.get(terraformType) ?? [];
  }

  public appStacks(): IRuleContext[] {
    return [...this.app];
  }

  /** Gives every stack of the app the others (the engine checks stacks once all are synthesized). */
  public static linkApp(stacks: StackResources[]): void {
    for (const s of stacks) {
      s.app = [...stacks];
    }
  }

  /** The item at a Terraform address (`type.name`, `data.type.name`, `provider.name`), if the stack has it. */
  public byAddress(address: string): ResolvedResource | undefined {
    for (const list of this.byType.values()) {
      const found = list.find((r) => r.address === address);
      if (found) {
        return found;
      }
    }
    return undefined;
  }

  /** Every item, sorted by type then name (the order of the report). */
  public all(): ResolvedResource[] {
    return [...this.byType.keys()].sort(compareStrings).flatMap((type) => [...this.byType.get(type)!].sort((a, b) => compareStrings(a.name, b.name)));
  }
}

/** The names of the blocks of one type that Terraform creates instances of. */
function instantiated(ofType: any): string[] {
  return Object.keys(ofType ?? {}).filter((name) => !createsNothing(ofType[name]));
}

/** The keys of a JSON object, sorted, with their values. */
function entries(value: any): Array<[string, any]> {
  if (!value || typeof value !== 'object') {
    return [];
  }
  return Object.keys(value)
    .sort(compareStrings)
    .map((k) => [k, value[k]]);
}
