// Internal: the construct paths of a stack's providers, backend and data sources, whose synthesized
// JSON carries no `//` metadata, so a finding on one can name (and be waived on) its construct.
import { TerraformElement, TerraformOutput, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { DATA_PREFIX, PROVIDER_PREFIX } from './rule-context';

/** Construct path by Terraform address, for every provider, backend, data source, variable and local directly in the stack. */
export function elementPaths(stack: TerraformStack): Map<string, string> {
  const paths = new Map<string, string>();
  const visit = (node: IConstruct): void => {
    for (const child of node.node.children) {
      if (TerraformStack.isStack(child)) {
        continue;
      }
      if (TerraformElement.isTerraformElement(child) && !TerraformResource.isTerraformResource(child) && !TerraformOutput.isTerraformOutput(child)) {
        for (const address of addressesOf((child as TerraformElement).toTerraform())) {
          paths.set(address, child.node.path);
        }
      }
      visit(child);
    }
  };
  visit(stack);
  return paths;
}

function addressesOf(json: any): string[] {
  const addresses: string[] = [];
  for (const [type, ofType] of Object.entries<any>(json?.data ?? {})) {
    addresses.push(...Object.keys(ofType ?? {}).map((name) => `${DATA_PREFIX}${type}.${name}`));
  }
  for (const [name, configs] of Object.entries<any>(json?.provider ?? {})) {
    for (const config of Array.isArray(configs) ? configs : [configs]) {
      addresses.push(`${PROVIDER_PREFIX}${name}${typeof config?.alias === 'string' ? `.${config.alias}` : ''}`);
    }
  }
  addresses.push(...Object.keys(json?.terraform?.backend ?? {}).map((type) => `terraform.backend.${type}`));
  if (json?.terraform?.cloud) {
    addresses.push('terraform.cloud');
  }
  addresses.push(...Object.keys(json?.variable ?? {}).map((name) => `var.${name}`));
  addresses.push(...Object.keys(json?.locals ?? {}).map((name) => `local.${name}`));
  return addresses;
}
