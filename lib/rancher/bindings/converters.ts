// Internal converters from the camelCase config to the provider's snake_case JSON (not exported from the library).
import * as cdktf from 'cdktf';
import { Rancher2RoleTemplateBindingSubject } from './role-binding-subject';
import { Rancher2Timeouts } from './timeouts';

export function timeoutsToTerraform(t: Rancher2Timeouts | undefined): any {
  if (t === undefined) {
    return undefined;
  }
  return {
    create: cdktf.stringToTerraform(t.create),
    update: cdktf.stringToTerraform(t.update),
    delete: cdktf.stringToTerraform(t.delete),
  };
}

/** A list block from an optional array: undefined stays undefined. */
export function blockList<T>(items: T[] | undefined, convert: (item: T) => any): any {
  if (items === undefined) {
    return undefined;
  }
  if (cdktf.Tokenization.isResolvable(items)) {
    return items;
  }
  return items.map(convert);
}

/** A single (max 1) block: undefined stays undefined. */
export function singleBlock<T>(item: T | undefined, convert: (item: T) => any): any {
  if (item === undefined) {
    return undefined;
  }
  if (cdktf.Tokenization.isResolvable(item)) {
    return item;
  }
  return convert(item);
}

/** A string map attribute. */
export function stringMap(map: { [key: string]: string } | undefined): any {
  return cdktf.hashMapper(cdktf.stringToTerraform)(map);
}

/** A list(string) attribute. */
export function stringList(list: string[] | undefined): any {
  return cdktf.listMapper(cdktf.stringToTerraform, false)(list);
}

/** The subject attributes of a role template binding, in the provider's names. */
export function roleBindingSubjectToTerraform(c: Rancher2RoleTemplateBindingSubject): { [name: string]: any } {
  return {
    group_id: cdktf.stringToTerraform(c.groupId),
    group_principal_id: cdktf.stringToTerraform(c.groupPrincipalId),
    user_id: cdktf.stringToTerraform(c.userId),
    user_principal_id: cdktf.stringToTerraform(c.userPrincipalId),
    annotations: stringMap(c.annotations),
    labels: stringMap(c.labels),
    timeouts: timeoutsToTerraform(c.timeouts),
  };
}
