// Internal: generator metadata shared by the hand-written rancher2 bindings.
import { TerraformMetaArguments, TerraformProviderGeneratorMetadata, TerraformResourceConfig } from 'cdktf';
import { requireProps, requireStrings } from '../../validation';

/** The rancher2 provider release the bindings were written against (schema of tag v14.1.1). */
export const RANCHER2_PROVIDER_VERSION = '14.1.1';

/** Registry source address of the provider. */
export const RANCHER2_PROVIDER_SOURCE = 'rancher/rancher2';

/** Metadata every binding passes to cdktf; the exact version pins `required_providers`. */
export const RANCHER2_GENERATOR_METADATA: TerraformProviderGeneratorMetadata = {
  providerName: 'rancher2',
  providerVersion: RANCHER2_PROVIDER_VERSION,
  providerVersionConstraint: RANCHER2_PROVIDER_VERSION,
};

/** The Terraform meta-arguments every rancher2 resource binding passes to `TerraformResource`, with its metadata. */
export function resourceOptions(terraformResourceType: string, config: TerraformMetaArguments, construct?: string, required: string[] = []): TerraformResourceConfig {
  // Checked here, before the resource exists: JavaScript callers can pass null for the config or a required argument.
  if (construct) {
    requireProps(construct, config, `pass the ${terraformResourceType} arguments${required.length ? ` (${required.join(', ')})` : ''}`, 'config');
    requireStrings(construct, config, required);
  }
  return {
    terraformResourceType,
    terraformGeneratorMetadata: RANCHER2_GENERATOR_METADATA,
    provider: config.provider,
    dependsOn: config.dependsOn,
    count: config.count,
    lifecycle: config.lifecycle,
    provisioners: config.provisioners,
    connection: config.connection,
    forEach: config.forEach,
  };
}
