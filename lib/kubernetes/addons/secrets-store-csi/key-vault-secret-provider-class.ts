import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { HardenedK8sError, invalidProp, missingProp } from '../../../errors';
import { libraryScope } from '../../../scope';
import { requireProps, validateDnsLabel } from '../../../validation';

/** Kind of a Key Vault object mounted by the Azure provider. */
export enum KeyVaultObjectType {
  /** A secret. */
  SECRET = 'secret',
  /** A key (its public part). */
  KEY = 'key',
  /** A certificate (public part; read it as a secret to get the private key too). */
  CERTIFICATE = 'cert',
}

/** How a certificate is written. */
export enum KeyVaultObjectFormat {
  /** PEM. */
  PEM = 'pem',
  /** PKCS#12. */
  PFX = 'pfx',
}

/** How a secret's value is decoded before it is written. */
export enum KeyVaultObjectEncoding {
  /** As is. */
  UTF_8 = 'utf-8',
  /** Hex-decoded. */
  HEX = 'hex',
  /** Base64-decoded. */
  BASE64 = 'base64',
}

/** One Key Vault object to mount. */
export interface KeyVaultObject {
  /** Name of the object in the vault. */
  readonly objectName: string;
  /** Secret, key or certificate. */
  readonly objectType: KeyVaultObjectType;
  /**
   * File name in the mount (and the name `secretObjects` refer to).
   * @default - the object name
   */
  readonly objectAlias?: string;
  /**
   * Object version.
   * @default - the latest version (followed by rotation)
   */
  readonly objectVersion?: string;
  /**
   * Certificate format.
   * @default - the provider's default (pem)
   */
  readonly objectFormat?: KeyVaultObjectFormat;
  /**
   * Secret encoding.
   * @default - the provider's default (utf-8)
   */
  readonly objectEncoding?: KeyVaultObjectEncoding;
}

/** One key of a synced Kubernetes Secret. */
export interface SyncedSecretKey {
  /** Mounted file (object alias, or object name) whose content becomes the value. */
  readonly objectName: string;
  /** Key in the Kubernetes Secret. */
  readonly key: string;
}

/** A Kubernetes Secret the driver keeps in sync with mounted objects (while a pod mounts the volume). */
export interface SyncedSecret {
  /** Name of the Kubernetes Secret. */
  readonly secretName: string;
  /**
   * Secret type, e.g. `kubernetes.io/tls`.
   * @default 'Opaque'
   */
  readonly type?: string;
  /** Keys of the Secret; at least one. */
  readonly data: SyncedSecretKey[];
}

/** Props of {@link KeyVaultSecretProviderClass}. */
export interface KeyVaultSecretProviderClassProps {
  /** Name of the SecretProviderClass (a DNS label); pods refer to it in their CSI volume. */
  readonly name: string;
  /** Namespace of the SecretProviderClass, the same as the pods that mount it. */
  readonly namespace: string;
  /** Name of the Key Vault (`HardenedKeyVault.vaultName`). */
  readonly keyVaultName: string;
  /** Entra ID tenant of the vault (`HardenedKeyVault.tenantId`). */
  readonly tenantId: string;
  /** Client id of the workload identity the pods use (`WorkloadIdentity.clientId`). */
  readonly clientId: string;
  /** Objects to mount; at least one. */
  readonly objects: KeyVaultObject[];
  /**
   * Kubernetes Secrets to sync from mounted objects (needs `syncKubernetesSecrets` on the add-on).
   * @default - none: secrets stay files in the pod (CIS AKS 1.8 4.5.1)
   */
  readonly secretObjects?: SyncedSecret[];
  /**
   * Azure cloud of the vault, e.g. `AzureUSGovernmentCloud`.
   * @default - AzurePublicCloud
   */
  readonly cloudName?: string;
}

const CONSTRUCT = 'KeyVaultSecretProviderClass';
const OBJECT_NAME = /^[0-9A-Za-z-]{1,127}$/;
const FILE_NAME = /^[-._a-zA-Z0-9]{1,253}$/;
const CLOUDS = ['AzurePublicCloud', 'AzureUSGovernmentCloud', 'AzureChinaCloud', 'AzureGermanCloud', 'AzureStackCloud'];

/**
 * A SecretProviderClass (`secrets-store.csi.x-k8s.io/v1`, provider `azure`) that mounts Key Vault objects
 * into pods with workload identity (`clientID`), never the node's identity or pod identity. Every
 * parameter is a string, as the provider expects. Create it in the baseline's objects stack
 * (`baseline.objectsStack`), which is planned after the driver's CRDs exist.
 */
export class KeyVaultSecretProviderClass extends Construct {
  /** The `kubernetes_manifest`. */
  public readonly manifest: Manifest;
  /** The rendered SecretProviderClass object. */
  public readonly body: any;
  /** Name of the SecretProviderClass. */
  public readonly secretProviderClassName: string;
  /** Namespace of the SecretProviderClass. */
  public readonly namespace: string;

  constructor(scope: Construct, id: string, props: KeyVaultSecretProviderClassProps) {
    super(libraryScope(scope, id, 'KeyVaultSecretProviderClass'), id);
    const construct = `${CONSTRUCT} ${this.node.path}`;
    requireProps(construct, props, 'pass KeyVaultSecretProviderClassProps');
    for (const prop of ['name', 'namespace', 'keyVaultName', 'tenantId', 'clientId'] as const) {
      if (props[prop] === undefined || props[prop] === null || props[prop] === '') {
        throw missingProp(construct, prop, prop === 'clientId' ? 'pass WorkloadIdentity.clientId' : `pass the ${prop}`);
      }
    }
    validateDnsLabel(construct, 'name', props.name);
    validateDnsLabel(construct, 'namespace', props.namespace);
    if (!props.objects || props.objects.length === 0) {
      throw invalidProp(construct, 'objects', props.objects ?? [], 'at least one Key Vault object', 'list the secrets, keys or certificates to mount, e.g. [{ objectName: "db-password", objectType: KeyVaultObjectType.SECRET }]');
    }
    const files = validateObjects(construct, props.objects);
    const secretObjects = (props.secretObjects ?? []).map((s, i) => renderSyncedSecret(construct, s, i, files));
    if (props.cloudName !== undefined && !CLOUDS.includes(props.cloudName)) {
      throw invalidProp(construct, 'cloudName', props.cloudName, CLOUDS.join(', '), 'leave it unset for the public cloud');
    }

    const parameters: Record<string, string> = {
      clientID: props.clientId,
      keyvaultName: props.keyVaultName,
      objects: renderObjects(props.objects),
      tenantID: props.tenantId,
      usePodIdentity: 'false',
    };
    if (props.cloudName !== undefined) {
      parameters.cloudName = props.cloudName;
    }
    this.body = {
      apiVersion: 'secrets-store.csi.x-k8s.io/v1',
      kind: 'SecretProviderClass',
      metadata: { name: props.name, namespace: props.namespace },
      spec: {
        provider: 'azure',
        parameters,
        ...(secretObjects.length ? { secretObjects } : {}),
      },
    };
    this.manifest = new Manifest(this, 'manifest', { manifest: this.body });
    this.secretProviderClassName = props.name;
    this.namespace = props.namespace;
  }
}

/** Validates the objects and returns the mounted file names. */
function validateObjects(construct: string, objects: KeyVaultObject[]): Set<string> {
  const files = new Set<string>();
  objects.forEach((o, i) => {
    if (!o || !Object.values(KeyVaultObjectType).includes(o.objectType)) {
      throw invalidProp(construct, `objects[${i}].objectType`, o?.objectType, Object.values(KeyVaultObjectType).join(', '), 'use a KeyVaultObjectType member');
    }
    if (!Token.isUnresolved(o.objectName) && !OBJECT_NAME.test(o.objectName ?? '')) {
      throw invalidProp(construct, `objects[${i}].objectName`, o.objectName, 'a Key Vault object name: 1-127 letters, digits and "-"', 'use the name of the secret, key or certificate in the vault');
    }
    if (o.objectAlias !== undefined && !FILE_NAME.test(o.objectAlias)) {
      throw invalidProp(construct, `objects[${i}].objectAlias`, o.objectAlias, 'a file name of letters, digits, "-", "_" and "."', 'use e.g. "tls.crt"');
    }
    if (o.objectFormat !== undefined && !Object.values(KeyVaultObjectFormat).includes(o.objectFormat)) {
      throw invalidProp(construct, `objects[${i}].objectFormat`, o.objectFormat, Object.values(KeyVaultObjectFormat).join(', '), 'use a KeyVaultObjectFormat member');
    }
    if (o.objectEncoding !== undefined && (o.objectType !== KeyVaultObjectType.SECRET || !Object.values(KeyVaultObjectEncoding).includes(o.objectEncoding))) {
      throw invalidProp(construct, `objects[${i}].objectEncoding`, o.objectEncoding, `${Object.values(KeyVaultObjectEncoding).join(', ')} on secrets only`, 'remove objectEncoding or use a KeyVaultObjectEncoding member on a secret');
    }
    const file = o.objectAlias ?? o.objectName;
    if (files.has(file)) {
      throw invalidProp(construct, `objects[${i}]`, file, 'one object per mounted file name', 'give one of the objects an objectAlias');
    }
    files.add(file);
  });
  return files;
}

function renderSyncedSecret(construct: string, secret: SyncedSecret, index: number, files: Set<string>): any {
  const prop = `secretObjects[${index}]`;
  validateDnsLabel(construct, `${prop}.secretName`, secret?.secretName);
  if (!secret.data || secret.data.length === 0) {
    throw invalidProp(construct, `${prop}.data`, secret.data ?? [], 'at least one { objectName, key }', 'map a mounted object to a Secret key');
  }
  const data = secret.data.map((d, j) => {
    if (!files.has(d.objectName)) {
      throw invalidProp(construct, `${prop}.data[${j}].objectName`, d.objectName, `a mounted file name: ${[...files].join(', ')}`, 'use the objectAlias (or the objectName when there is no alias) of an object');
    }
    if (!FILE_NAME.test(d.key ?? '')) {
      throw invalidProp(construct, `${prop}.data[${j}].key`, d.key, 'a Secret key of letters, digits, "-", "_" and "."', 'use e.g. "password" or "tls.crt"');
    }
    return { key: d.key, objectName: d.objectName };
  });
  if (new Set(data.map((d) => d.key)).size !== data.length) {
    throw new HardenedK8sError(`${construct}: ${prop}.data has a key twice. Fix: give every key of the Secret once.`);
  }
  return { data, secretName: secret.secretName, type: secret.type ?? 'Opaque' };
}

/**
 * The `objects` parameter: YAML with one key, `array`, whose items are each a string holding a small YAML
 * document. Values are written as double-quoted scalars (JSON strings are valid YAML).
 */
function renderObjects(objects: KeyVaultObject[]): string {
  const lines = ['array:'];
  for (const o of objects) {
    const fields: Array<[string, string | undefined]> = [
      ['objectName', o.objectName],
      ['objectType', o.objectType],
      ['objectAlias', o.objectAlias],
      ['objectVersion', o.objectVersion],
      ['objectFormat', o.objectFormat],
      ['objectEncoding', o.objectEncoding],
    ];
    lines.push('  - |');
    for (const [key, value] of fields) {
      if (value !== undefined) {
        lines.push(`    ${key}: ${JSON.stringify(value)}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
