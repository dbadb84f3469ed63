// Cloud-init user data for the machines of a HardenedRke2Cluster pool. RKE2 with `profile: cis` refuses
// to start unless the kernel parameters are set and, on servers, an `etcd` user exists; the API server
// files must be on control-plane nodes before RKE2 starts. Written as JSON after the `#cloud-config`
// header: JSON is valid YAML for cloud-init, deterministic, and compliance rules can parse it.
import { CIS_SYSCTLS, ETCD_USER_COMMAND, Rke2NodeFiles } from './node-files';

/** What a pool's machines need. */
export interface CloudInitRoles {
  readonly etcd: boolean;
  readonly controlPlane: boolean;
}

/** Files for control-plane machines, given as YAML/JSON text. */
export interface ControlPlaneFiles {
  readonly auditPolicy: string;
  readonly admissionConfig?: string;
}

export const CLOUD_CONFIG_HEADER = '#cloud-config\n';

/** The cloud-config document of a pool. */
export function cloudConfig(roles: CloudInitRoles, files: ControlPlaneFiles): any {
  const sysctlFile = CIS_SYSCTLS.map(([key, value]) => `${key}=${value}`).join('\n') + '\n';
  const writeFiles: any[] = [{ path: Rke2NodeFiles.SYSCTL, owner: 'root:root', permissions: '0644', content: sysctlFile }];
  if (roles.controlPlane) {
    writeFiles.push({ path: Rke2NodeFiles.AUDIT_POLICY, owner: 'root:root', permissions: '0600', content: files.auditPolicy });
    if (files.admissionConfig !== undefined) {
      writeFiles.push({ path: Rke2NodeFiles.ADMISSION_CONFIG, owner: 'root:root', permissions: '0600', content: files.admissionConfig });
    }
  }
  // bootcmd runs early on every boot, before Rancher installs RKE2: the settings are live for its first start.
  const bootcmd: string[][] = [['sysctl', '-w', ...CIS_SYSCTLS.map(([key, value]) => `${key}=${value}`)]];
  if (roles.etcd || roles.controlPlane) {
    bootcmd.push(['sh', '-c', ETCD_USER_COMMAND]);
  }
  return { bootcmd, write_files: writeFiles };
}

/** The user data string: header plus the document as JSON. */
export function renderCloudConfig(document: any): string {
  return CLOUD_CONFIG_HEADER + JSON.stringify(document);
}
