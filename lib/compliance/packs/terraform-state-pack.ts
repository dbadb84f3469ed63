import { STATE_RULES } from '../rules/state';
import { RulePack } from '../rule-pack';

/**
 * Terraform state storage hardening (after the checkov and trivy storage account checks): the storage
 * accounts tagged `terraform-state` (HardenedStateBackend) accept Entra ID only, are private, encrypted,
 * versioned, soft-deleted, replicated, logged and locked, and only a container data role reaches them.
 * Independent of the cluster distribution: apply it beside CisAksPack or CisRke2Pack.
 */
export class TerraformStatePack extends RulePack {
  constructor() {
    super('terraform-state', [...STATE_RULES]);
  }
}
