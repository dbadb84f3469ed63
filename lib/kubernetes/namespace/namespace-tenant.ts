/**
 * The people who work in a HardenedNamespace: the Entra ID groups bound to the namespace's tenant role,
 * which manages workloads and nothing else. What goes beyond that is an explicit, typed opt-in.
 */
export interface NamespaceTenant {
  /**
   * Entra ID object ids (GUIDs) of the groups bound to the tenant role; the API server sees a member's
   * groups as these ids.
   */
  readonly groupObjectIds: string[];
  /**
   * Run commands in the namespace's containers (`pods/exec`). Exec reaches every file a container mounts,
   * the Key Vault secrets the CSI driver mounts included.
   * @default false
   */
  readonly podExec?: boolean;
  /**
   * Attach to the namespace's running containers (`pods/attach`).
   * @default false
   */
  readonly podAttach?: boolean;
  /**
   * Forward local ports to the namespace's pods (`pods/portforward`).
   * @default false
   */
  readonly podPortForward?: boolean;
  /**
   * Read the namespace's Secrets (get, list, watch; never create or update: secrets come from Key Vault
   * through the CSI driver and the application charts). A tenant role that reads secrets fails the
   * `k8s-rbac-secrets-read` rule until the namespace waives it; ClusterBaseline.addNamespace then admits
   * the role past the RBAC_SECRETS_READ policy.
   * @default false (CIS AKS 1.8 4.1.2)
   */
  readonly secretsRead?: boolean;
}
