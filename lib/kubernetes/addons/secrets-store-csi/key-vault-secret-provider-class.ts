import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { requireStrings } from '../../../required-props';
import { invalidProp, missingProp } from '../../../errors';
import { validateDnsLabel } from '../../namespace/dns-label';

/** Kind of Key Vault object to mount. */
export enum KeyVaultObjectType {
  /** A secret. */
  SECRET = 'secret',
  /** A key (public part). */
  KEY = 'key',
  /** A certificate (public part; use SECRET for the private key). */
  CERT = 'cert',
}

/** One Key Vault object mounted as a file. */
export interface KeyVaultObject {
  /** Name of the object in the vault. */
  readonly name: string;
  /** Kind of object. */
  readonly type: KeyVaultObjectType;
  /**
   * File name in the mount.
   * @default - the object name
   */
  readonly alias?: string;
  /**
   * Object version.
   * @default - the latest version (follows rotations)
   */
  readonly version?: string;
}

/** One key of a synced Kubernetes Secret. */
export interface SyncedSecretKey {
  /** Mounted file name (the alias when one is set). */
  readonly objectName: string;
  /** Key in the Kubernetes Secret. */
  readonly key: string;
}

/** Props of {@link KeyVaultSecretProviderClass}. */
export interface KeyVaultSecretProviderClassProps {
  /** Name of the SecretProviderClass. */
  readonly name: string;
  /** Namespace of the workloads that mount it. */
  readonly namespace: string;
  /** Key Vault name. */
  readonly keyVaultName: string;
  /** Entra ID tenant of the vault. */
  readonly tenantId: string;
  /** Client id of the workload identity (WorkloadIdentity.clientId) the pods' service account federates with. */
  readonly clientId: string;
  /** The objects to mount (at least one). */
  readonly objects: KeyVaultObject[];
  /**
   * Also sync the mounted objects into this Kubernetes Secret (needs SecretsStoreCsiAddon syncSecrets on
   * non-AKS clusters); prefer files (CIS AKS 1.8 4.5.1).
   * @default - no Kubernetes Secret
   */
  readonly syncToSecretName?: string;
  /**
   * Keys of the synced Secret.
   * @default - every object, keyed by its file name
   */
  readonly syncKeys?: SyncedSecretKey[];
  /**
   * Type of the synced Secret, e.g. `kubernetes.io/tls`.
   * @default 'Opaque'
   */
  readonly syncSecretType?: string;
}

const OBJECT_NAME = /^[a-zA-Z0-9-]{1,127}$/;

/**
 * A `SecretProviderClass` (secrets-store.csi.x-k8s.io/v1) for the Azure provider: Key Vault objects mounted
 * as files into pods that authenticate with workload identity. Create it in the baseline's objects stack
 * (`baseline.objectsStack`), where its CRD exists.
 */
export class KeyVaultSecretProviderClass extends Construct {
  /** The SecretProviderClass object as rendered. */
  public readonly manifest: any;

  constructor(scope: Construct, id: string, props: KeyVaultSecretProviderClassProps) {
    super(scope, id);
    const construct = `KeyVaultSecretProviderClass ${this.node.path}`;
    requireStrings(construct, props, ['name', 'namespace', 'keyVaultName', 'tenantId', 'clientId']);
    validateDnsLabel(construct, 'namespace', props.namespace);
    if (!Array.isArray(props.objects) || props.objects.length === 0) {
      throw missingProp(construct, 'objects', 'list at least one Key Vault object, e.g. [{ name: "db-password", type: KeyVaultObjectType.SECRET }]');
    }
    for (const o of props.objects) {
      for (const [prop, value] of [['objects[].name', o.name], ['objects[].alias', o.alias]] as const) {
        if (value !== undefined && !Token.isUnresolved(value) && !OBJECT_NAME.test(value)) {
          throw invalidProp(construct, prop, value, 'letters, digits and hyphens (Key Vault object names)', 'use the object name shown in Key Vault');
        }
      }
      if (!Object.values(KeyVaultObjectType).includes(o.type)) {
        throw invalidProp(construct, 'objects[].type', o.type, Object.values(KeyVaultObjectType).join(', '), 'use a KeyVaultObjectType member');
      }
    }
    this.manifest = {
      apiVersion: 'secrets-store.csi.x-k8s.io/v1',
      kind: 'SecretProviderClass',
      metadata: { name: props.name, namespace: props.namespace },
      spec: {
        provider: 'azure',
        // The Azure provider reads every parameter as a string.
        parameters: {
          usePodIdentity: 'false',
          clientID: props.clientId,
          keyvaultName: props.keyVaultName,
          tenantID: props.tenantId,
          objects: renderObjects(props.objects),
        },
        secretObjects: props.syncToSecretName
          ? [
              {
                secretName: props.syncToSecretName,
                type: props.syncSecretType ?? 'Opaque',
                data: props.syncKeys ?? props.objects.map((o) => ({ objectName: o.alias ?? o.name, key: o.alias ?? o.name })),
              },
            ]
          : undefined,
      },
    };
    if (!props.syncToSecretName) {
      delete this.manifest.spec.secretObjects;
    }
    new Manifest(this, 'manifest', { manifest: this.manifest });
  }
}

/** The provider's `objects` parameter: YAML with an `array` of YAML documents, one per object. */
function renderObjects(objects: KeyVaultObject[]): string {
  const items = objects.map((o) => {
    const lines = [`objectName: ${o.name}`, `objectType: ${o.type}`];
    if (o.alias) {
      lines.push(`objectAlias: ${o.alias}`);
    }
    if (o.version) {
      lines.push(`objectVersion: ${o.version}`);
    }
    return ['  - |', ...lines.map((l) => `    ${l}`)].join('\n');
  });
  return ['array:', ...items].join('\n') + '\n';
}
