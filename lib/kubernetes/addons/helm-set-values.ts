// Internal: how the helm provider (3.1.x) applies a release's `set`, `set_list` and `set_sensitive` entries
// to its values. The provider joins `name=value` and hands it to Helm's strvals parser (the Helm 2.17
// one it vendors), so a set entry is more than one key: commas start another assignment, `{a,b}` is a
// list, `name[0]` an element of a list, `\` escapes the next character. The compliance rule reads set
// entries exactly so, or a `value = "3,disableAudit=true"` would pass as a replica count.
import { isPlainObject } from './values-internal';

/** A set entry that Helm would refuse, or that the engine cannot read at synth time. */
export class HelmSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelmSetError';
  }
}

/** Reads characters up to one of the stop characters, `\` escaping the next one. */
class Scanner {
  private position = 0;

  constructor(private readonly text: string) {}

  public get done(): boolean {
    return this.position >= this.text.length;
  }

  /** The characters before the next stop character (consumed), and that character (`undefined` at the end). */
  public until(stops: string): { chars: string; stop: string | undefined } {
    let chars = '';
    while (this.position < this.text.length) {
      const c = this.text[this.position++];
      if (stops.includes(c)) {
        return { chars, stop: c };
      }
      if (c === '\\') {
        if (this.position >= this.text.length) {
          return { chars, stop: undefined };
        }
        chars += this.text[this.position++];
      } else {
        chars += c;
      }
    }
    return { chars, stop: undefined };
  }

  public peek(): string | undefined {
    return this.text[this.position];
  }

  public skip(): void {
    this.position++;
  }
}

/** Helm's typing of a set value: true/false/null (any case), integers without a leading zero, else a string. */
function typed(text: string, asString: boolean): any {
  if (asString) {
    return text;
  }
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false') {
    return lower === 'true';
  }
  if (lower === 'null') {
    return null;
  }
  if (text === '0') {
    return 0;
  }
  if (text.length > 0 && text[0] !== '0' && /^[+-]?\d+$/.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : text;
  }
  return text;
}

/** Parses `name=value[,name=value...]` into `target` (mutated) as Helm's strvals does. */
class SetLine {
  private readonly scanner: Scanner;

  constructor(
    line: string,
    private readonly asString: boolean,
  ) {
    this.scanner = new Scanner(line);
  }

  public into(target: Record<string, any>): void {
    while (!this.scanner.done) {
      this.key(target);
    }
  }

  private key(data: Record<string, any>): void {
    const { chars: key, stop } = this.scanner.until('=[,.');
    switch (stop) {
      case undefined:
        if (key.length > 0) {
          throw new HelmSetError(`key ${JSON.stringify(key)} has no value`);
        }
        return;
      case '[': {
        const existing = data[key];
        if (existing !== undefined && !Array.isArray(existing)) {
          throw new HelmSetError(`${JSON.stringify(key)} is not a list`);
        }
        assign(data, key, this.listItem(existing ? [...existing] : [], this.index()));
        return;
      }
      case '=':
        assign(data, key, this.value());
        return;
      case ',':
        throw new HelmSetError(`key ${JSON.stringify(key)} has no value (cannot end with ,)`);
      default: {
        const existing = data[key];
        if (existing !== undefined && !isPlainObject(existing)) {
          throw new HelmSetError(`${JSON.stringify(key)} is not a map`);
        }
        const inner = existing ? { ...existing } : {};
        this.key(inner);
        if (Object.keys(inner).length === 0) {
          throw new HelmSetError(`key map ${JSON.stringify(key)} has no value`);
        }
        assign(data, key, inner);
      }
    }
  }

  private index(): number {
    const { chars } = this.scanner.until(']');
    if (!/^\d+$/.test(chars)) {
      throw new HelmSetError(`list index ${JSON.stringify(chars)} is not a number`);
    }
    return Number(chars);
  }

  private listItem(list: any[], i: number): any[] {
    const { chars, stop } = this.scanner.until('[.=');
    if (chars.length > 0) {
      throw new HelmSetError(`unexpected ${JSON.stringify(chars)} after list index ${i}`);
    }
    const out = [...list];
    while (out.length <= i) {
      out.push(null);
    }
    switch (stop) {
      case '=':
        out[i] = this.value();
        return out;
      case '[':
        out[i] = this.listItem(Array.isArray(out[i]) ? out[i] : [], this.index());
        return out;
      case '.': {
        const inner = isPlainObject(out[i]) ? { ...out[i] } : {};
        this.key(inner);
        out[i] = inner;
        return out;
      }
      default:
        throw new HelmSetError(`list index ${i} has no value`);
    }
  }

  /** A `{a,b}` list or a scalar up to the next comma. */
  private value(): any {
    if (this.scanner.peek() === '{') {
      this.scanner.skip();
      const list: any[] = [];
      for (;;) {
        const { chars, stop } = this.scanner.until(',}');
        if (stop === undefined) {
          throw new HelmSetError("list must terminate with '}'");
        }
        list.push(typed(chars, this.asString));
        if (stop === '}') {
          if (this.scanner.peek() === ',') {
            this.scanner.skip();
          }
          return list;
        }
      }
    }
    return typed(this.scanner.until(',').chars, this.asString);
  }
}

function assign(data: Record<string, any>, key: string, value: any): void {
  if (key.length > 0) {
    data[key] = value;
  }
}

/** A `set` (or literal `set_sensitive`) entry applied to a copy of `base`, per its `type` (auto, string or literal). */
export function applySet(base: Record<string, any>, name: string, value: string, type: string | undefined): Record<string, any> {
  const out = { ...base };
  switch (type ?? 'auto') {
    case 'auto':
    case '':
      new SetLine(`${name}=${value}`, false).into(out);
      return out;
    case 'string':
      new SetLine(`${name}=${value}`, true).into(out);
      return out;
    case 'literal':
      // The provider reads `name: value` as YAML and sets the top-level key `name` (no dotted path).
      out[name] = literalValue(name, value);
      return out;
    default:
      throw new HelmSetError(`set ${JSON.stringify(name)} has the unknown type ${JSON.stringify(type)}`);
  }
}

/** A `set_list` entry applied to a copy of `base`: `name={v1,v2,...}`, elements joined by commas. */
export function applySetList(base: Record<string, any>, name: string, values: string[]): Record<string, any> {
  const out = { ...base };
  new SetLine(`${name}={${values.join(',')}}`, false).into(out);
  return out;
}

/** A literal set value: JSON (valid YAML) or a plain word; other YAML cannot be read at synth time. */
function literalValue(name: string, value: string): any {
  try {
    return JSON.parse(value);
  } catch {
    if (/^[A-Za-z0-9_./-]*$/.test(value)) {
      return typed(value, false);
    }
    throw new HelmSetError(`the literal value of set ${JSON.stringify(name)} is YAML the engine cannot read at synth time (write it as JSON)`);
  }
}
