import { ResolvedResource } from './resolved-resource';
import { IResolvedResource, IRuleContext } from './types';

/** The resources of one synthesized stack, indexed by Terraform type. */
export class StackResources implements IRuleContext {
  public readonly stackName: string;
  private readonly byType = new Map<string, ResolvedResource[]>();

  constructor(stackName: string, stackJson: any) {
    this.stackName = stackName;
    const resources = stackJson?.resource ?? {};
    for (const terraformType of Object.keys(resources).sort()) {
      const ofType = resources[terraformType] ?? {};
      this.byType.set(
        terraformType,
        Object.keys(ofType)
          .sort()
          .map((name) => new ResolvedResource(terraformType, name, ofType[name])),
      );
    }
  }

  public resourcesOfType(terraformType: string): IResolvedResource[] {
    return this.byType.get(terraformType) ?? [];
  }

  /** The resource at a Terraform address (`type.name`), if the stack has it. */
  public byAddress(address: string): ResolvedResource | undefined {
    const dot = address.indexOf('.');
    return this.byType.get(address.slice(0, dot))?.find((r) => r.address === address);
  }

  /** Every resource, sorted by type then name. */
  public all(): ResolvedResource[] {
    return [...this.byType.values()].flat();
  }
}
