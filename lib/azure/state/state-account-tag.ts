// Internal: the tag that marks a storage account as a Terraform state store. The state rules judge
// the accounts carrying it (HardenedStateBackend sets it), not every storage account of the app.

/** Tag name. */
export const STATE_ACCOUNT_TAG = 'terraform-state';
/** Tag value. */
export const STATE_ACCOUNT_TAG_VALUE = 'true';
