// Internal converters from the camelCase config to the provider's snake_case JSON (not exported from the library).
import * as cdktf from 'cdktf';
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
