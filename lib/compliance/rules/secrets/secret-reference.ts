// Internal: whether a synthesized value is a reference Terraform resolves at plan time (a sensitive
// variable, a data source, a resource attribute) or derived from one without adding text of its own
// (`yamldecode(data.x.y.kubeconfig)["users"][0]["user"]["token"]`), or whether the secret, or part of it,
// is text in the configuration itself (a literal, `lower("...")`, `join("", ["a", var.b])`).

/** What the stack's JSON says about variables and locals, to judge `var.x` and `local.x`. */
export interface ReferenceScope {
  readonly variables: Record<string, any>;
  readonly locals: Record<string, any>;
}

/** Functions whose every argument becomes (part of) the result: each must be a reference. */
const EVERY_ARGUMENT = new Set(['coalesce', 'concat', 'format', 'formatlist', 'merge', 'try', 'tolist', 'toset', 'tostring']);
const ROOTS_NOT_REFERENCES = new Set(['path', 'terraform', 'count', 'each', 'self']);

type Node =
  | { kind: 'literal'; text: string }
  | { kind: 'reference'; parts: string[] }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'list'; items: Node[] }
  | { kind: 'index'; target: Node; key: Node }
  | { kind: 'attribute'; target: Node }
  | { kind: 'conditional'; condition: Node; whenTrue: Node; whenFalse: Node };

class ParseError extends Error {}

/** A small parser for the expressions cdktf writes: references, calls, lists, indexes, conditionals. */
class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  public parse(): Node {
    const node = this.conditional();
    this.space();
    if (this.pos !== this.text.length) {
      throw new ParseError(`unexpected ${JSON.stringify(this.text.slice(this.pos, this.pos + 10))}`);
    }
    return node;
  }

  private conditional(): Node {
    const condition = this.postfix();
    if (this.eat('?')) {
      const whenTrue = this.conditional();
      this.expect(':');
      return { kind: 'conditional', condition, whenTrue, whenFalse: this.conditional() };
    }
    return condition;
  }

  private postfix(): Node {
    let node = this.primary();
    for (;;) {
      if (this.eat('[')) {
        const key = this.conditional();
        this.expect(']');
        node = { kind: 'index', target: node, key };
      } else if (this.peek('.') && node.kind !== 'reference') {
        this.pos++;
        this.segment();
        node = { kind: 'attribute', target: node };
      } else {
        return node;
      }
    }
  }

  private primary(): Node {
    this.space();
    const c = this.text[this.pos];
    if (c === '"') {
      return { kind: 'literal', text: this.string() };
    }
    if (c === '[') {
      this.pos++;
      const items: Node[] = [];
      while (!this.eat(']')) {
        items.push(this.conditional());
        this.eat(',');
      }
      return { kind: 'list', items };
    }
    if (/[0-9-]/.test(c ?? '')) {
      const match = /^-?\d+(\.\d+)?/.exec(this.text.slice(this.pos));
      if (!match) {
        throw new ParseError('a number was expected');
      }
      this.pos += match[0].length;
      return { kind: 'literal', text: match[0] };
    }
    const name = this.identifier();
    if (['true', 'false', 'null'].includes(name)) {
      return { kind: 'literal', text: name };
    }
    if (this.eat('(')) {
      const args: Node[] = [];
      while (!this.eat(')')) {
        args.push(this.conditional());
        this.eat(',');
      }
      return { kind: 'call', name, args };
    }
    const parts = [name];
    while (this.peek('.')) {
      this.pos++;
      parts.push(this.segment());
    }
    return { kind: 'reference', parts };
  }

  /** An attribute name, or a number (`.0`, HCL's legacy index syntax). */
  private segment(): string {
    const digits = /^\d+/.exec(this.text.slice(this.pos));
    if (digits) {
      this.pos += digits[0].length;
      return digits[0];
    }
    return this.identifier();
  }

  private identifier(): string {
    this.space();
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.pos));
    if (!match) {
      throw new ParseError(`a name was expected at ${JSON.stringify(this.text.slice(this.pos, this.pos + 10))}`);
    }
    this.pos += match[0].length;
    return match[0];
  }

  private string(): string {
    let out = '';
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') {
      if (this.text[this.pos] === '\\') {
        this.pos++;
      }
      out += this.text[this.pos++];
    }
    if (out.includes('${')) {
      throw new ParseError('a template joins text to an expression');
    }
    this.expect('"');
    return out;
  }

  private space(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) {
      this.pos++;
    }
  }

  private peek(c: string): boolean {
    this.space();
    return this.text[this.pos] === c;
  }

  private eat(c: string): boolean {
    if (this.peek(c)) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expect(c: string): void {
    if (!this.eat(c)) {
      throw new ParseError(`"${c}" was expected`);
    }
  }
}

/**
 * Why a secret-bearing value is text of the configuration, or undefined when it comes from a reference.
 * A literal, a literal run through a function (`Fn.lower`), text joined to a reference (`Fn.join`,
 * a template, a fallback in `coalesce` or a conditional) or a variable not declared sensitive is text
 * someone can read in cdk.tf.json or a plan.
 */
export function plaintextProblem(value: unknown, scope: ReferenceScope, seen: Set<string> = new Set()): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    return `a literal ${typeof value}`;
  }
  const whole = /^\$\{(.*)\}$/s.exec(value);
  if (!whole || whole[1].includes('${')) {
    return value.includes('${') ? 'text joined to an expression' : 'a literal string';
  }
  let node: Node;
  try {
    node = new Parser(whole[1]).parse();
  } catch (e) {
    return `an expression that cannot be shown to be a reference (${(e as Error).message})`;
  }
  return problemOf(node, scope, seen);
}

function problemOf(node: Node, scope: ReferenceScope, seen: Set<string>): string | undefined {
  switch (node.kind) {
    case 'literal':
      return `the literal ${JSON.stringify(node.text)}`;
    case 'reference':
      return referenceProblem(node.parts, scope, seen);
    case 'index':
    case 'attribute':
      return problemOf(node.target, scope, seen);
    case 'list':
      return node.items.map((i) => problemOf(i, scope, seen)).find((p) => p !== undefined);
    case 'conditional':
      return problemOf(node.whenTrue, scope, seen) ?? problemOf(node.whenFalse, scope, seen);
    case 'call': {
      const problems = node.args.map((a) => problemOf(a, scope, seen));
      if (EVERY_ARGUMENT.has(node.name)) {
        return problems.find((p) => p !== undefined);
      }
      if (node.name === 'join') {
        // The separator may be text; every joined piece must be a reference.
        return problems.slice(1).find((p) => p !== undefined) ?? (node.args.length < 2 ? 'join of nothing' : undefined);
      }
      if (node.name === 'lookup' && node.args.length > 2) {
        return problems[0] ?? problems[2];
      }
      // Other functions (decoders, indexes, splits) derive from their first reference; text arguments are keys or separators.
      return problems.some((p) => p === undefined) ? undefined : `${node.name}() of no reference (${problems[0] ?? 'no argument'})`;
    }
  }
}

function referenceProblem(parts: string[], scope: ReferenceScope, seen: Set<string>): string | undefined {
  const [root, name] = parts;
  if (root === 'var') {
    return scope.variables[name]?.sensitive === true ? undefined : `variable ${name}, which is not declared sensitive (its value shows in plans and sits in tfvars files)`;
  }
  if (root === 'local') {
    if (name === undefined || seen.has(name) || !(name in scope.locals)) {
      return `local ${name}, which cannot be followed`;
    }
    return plaintextProblem(scope.locals[name], scope, new Set([...seen, name]));
  }
  if (ROOTS_NOT_REFERENCES.has(root)) {
    return `${parts.join('.')}, which is not a secret source`;
  }
  // data.<type>.<name>.<attr>, or <type>.<name>.<attr>: resolved by Terraform at plan time.
  const minimum = root === 'data' ? 4 : 3;
  return parts.length >= minimum ? undefined : `${parts.join('.')}, which names no attribute`;
}
