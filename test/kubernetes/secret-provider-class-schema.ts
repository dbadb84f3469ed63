// Validates SecretProviderClass bodies against the JSON schema written from the CRD's fields (no model
// package covers secrets-store.csi.x-k8s.io), and parses the Azure provider's `objects` YAML string.
import * as path from 'path';
import * as fs from 'fs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require('ajv');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml');

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'schemas', 'secret-provider-class.schema.json'), 'utf-8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const OBJECT_FIELDS = ['objectName', 'objectType', 'objectAlias', 'objectVersion', 'objectVersionHistory', 'objectFormat', 'objectEncoding', 'filePermission'];

/** Schema problems of a SecretProviderClass body (empty when valid). */
export function secretProviderClassProblems(body: any): string[] {
  const problems: string[] = [];
  if (!validate(body)) {
    problems.push(...validate.errors.map((e: any) => `${e.dataPath} ${e.message}`));
    return problems;
  }
  const parsed = yaml.load(body.spec.parameters.objects);
  if (!parsed || !Array.isArray(parsed.array) || parsed.array.length === 0) {
    return ['parameters.objects: no `array` of items'];
  }
  parsed.array.forEach((item: unknown, i: number) => {
    if (typeof item !== 'string') {
      problems.push(`objects.array[${i}] is not a string`);
      return;
    }
    const object = yaml.load(item);
    for (const key of Object.keys(object)) {
      if (!OBJECT_FIELDS.includes(key)) {
        problems.push(`objects.array[${i}]: unknown field ${key}`);
      }
      if (typeof object[key] !== 'string') {
        problems.push(`objects.array[${i}].${key} is not a string`);
      }
    }
    if (!object.objectName || !['secret', 'key', 'cert'].includes(object.objectType)) {
      problems.push(`objects.array[${i}]: objectName and objectType (secret, key, cert) are required`);
    }
  });
  return problems;
}

/** The parsed items of the `objects` parameter. */
export function objectItems(objects: string): any[] {
  return yaml.load(objects).array.map((item: string) => yaml.load(item));
}
