/**
 * Intune assignment-filter rules, limited to what an ESP profile assignment may use (esp-reference.md §5.2).
 *
 * Grammar (standard Intune filter syntax):
 *
 *   rule       := or
 *   or         := and ( "or" and )*
 *   and        := unary ( "and" unary )*
 *   unary      := ( "not" | "-not" ) unary | primary
 *   primary    := "(" rule ")" | comparison
 *   comparison := "device." PROPERTY OPERATOR value
 *   value      := STRING | "[" STRING ( "," STRING )* "]"
 *
 * Precedence is not > and > or (so `a or b and c` is `a or (b and c)`); parentheses group. Keywords
 * (also spelled -and, -or, -not), operators and property names are case-insensitive. A trailing comma
 * in a list is tolerated. Strings are double-quoted; `\"` is a quote and `\\` a backslash inside one.
 *
 * Value comparison is case-insensitive (decision, [I]: Intune's service compares filter values without
 * regard to case; not re-verified against a Microsoft page): a rule on "surface laptop 5" matches a device
 * reporting "Surface Laptop 5". Only the properties Windows can evaluate for an ESP
 * profile are accepted: model, manufacturer, osVersion, operatingSystemSKU, deviceOwnership,
 * enrollmentProfileName. Anything else (device.deviceName, device.deviceCategory, ...) is refused with an
 * error that names the property and lists the allowed ones.
 *
 * Pure: no Node, no electron. It lives in shared/ so the operator console can check a rule as it is typed, with the
 * same grammar the validator and the engine use. About 430 lines because the grammar is one unit: tokenizer,
 * parser, evaluator and formatter read best together.
 *
 * Past 400 lines because it is one grammar: Intune's filter rule tokenizer, parser and evaluator.
 */

/** The device properties an ESP profile filter may use (§5.2 [V]), in Intune's order. */
export const ESP_FILTER_PROPERTIES = [
  'model',
  'manufacturer',
  'osVersion',
  'operatingSystemSKU',
  'deviceOwnership',
  'enrollmentProfileName',
] as const;

export type FilterProperty = (typeof ESP_FILTER_PROPERTIES)[number];

/** Operators in their canonical (Intune) spelling. */
export const FILTER_OPERATORS = [
  '-eq',
  '-ne',
  '-startsWith',
  '-notStartsWith',
  '-endsWith',
  '-notEndsWith',
  '-contains',
  '-notContains',
  '-in',
  '-notIn',
] as const;

export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** deviceOwnership values Intune's rule builder offers. */
export const DEVICE_OWNERSHIP_VALUES = ['Corporate', 'Personal'] as const;

export type FilterExpression =
  | { kind: 'and'; operands: FilterExpression[] }
  | { kind: 'or'; operands: FilterExpression[] }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'comparison'; property: FilterProperty; operator: Exclude<FilterOperator, '-in' | '-notIn'>; value: string }
  | { kind: 'listComparison'; property: FilterProperty; operator: '-in' | '-notIn'; values: string[] };

export type ParseFilterResult =
  | { ok: true; filter: FilterExpression }
  | {
      ok: false;
      error: string;
      /** 0-based character offset into the rule where the problem was found. */
      offset: number;
    };

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { type: 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'comma' | 'end'; offset: number; text: string }
  | { type: 'string'; offset: number; text: string; value: string }
  /** A bare word: and, or, not, device.model, ... */
  | { type: 'word'; offset: number; text: string }
  /** A dash-word: -eq, -not, ... */
  | { type: 'dashWord'; offset: number; text: string };

class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const PUNCTUATION: Record<string, 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'comma'> = {
  '(': 'lparen',
  ')': 'rparen',
  '[': 'lbracket',
  ']': 'rbracket',
  ',': 'comma',
};

function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9_.]/.test(ch);
}

function tokenize(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const ch = rule.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const punct = PUNCTUATION[ch];
    if (punct) {
      tokens.push({ type: punct, offset: i, text: ch });
      i++;
      continue;
    }
    if (ch === '"' || ch === '\u201c' || ch === '\u201d') {
      if (ch !== '"') {
        throw new FilterSyntaxError(
          `typographic quote ${ch} at offset ${i}: use a plain double quote (") around values`,
          i,
        );
      }
      const start = i;
      let value = '';
      i++;
      let closed = false;
      while (i < rule.length) {
        const c = rule.charAt(i);
        if (c === '\\' && (rule.charAt(i + 1) === '"' || rule.charAt(i + 1) === '\\')) {
          value += rule.charAt(i + 1);
          i += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) {
        throw new FilterSyntaxError(
          `unterminated string starting at offset ${start}: expected a closing double quote (")`,
          start,
        );
      }
      tokens.push({ type: 'string', offset: start, text: rule.slice(start, i), value });
      continue;
    }
    if (ch === "'") {
      throw new FilterSyntaxError(`single quote at offset ${i}: values must be in double quotes (")`, i);
    }
    if (ch === '-' && /[A-Za-z]/.test(rule.charAt(i + 1))) {
      const start = i;
      i++;
      while (i < rule.length && /[A-Za-z]/.test(rule.charAt(i))) i++;
      tokens.push({ type: 'dashWord', offset: start, text: rule.slice(start, i) });
      continue;
    }
    if (isWordChar(ch)) {
      const start = i;
      while (i < rule.length && isWordChar(rule.charAt(i))) i++;
      tokens.push({ type: 'word', offset: start, text: rule.slice(start, i) });
      continue;
    }
    throw new FilterSyntaxError(`unexpected character ${JSON.stringify(ch)} at offset ${i}`, i);
  }
  tokens.push({ type: 'end', offset: rule.length, text: '' });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser

function describeToken(t: Token): string {
  return t.type === 'end' ? 'end of rule' : JSON.stringify(t.text);
}

const ALLOWED_LIST = ESP_FILTER_PROPERTIES.join(', ');

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    // tokenize() always ends with an 'end' token, and we never advance past it.
    return this.tokens[this.pos] ?? { type: 'end', offset: 0, text: '' };
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'end') this.pos++;
    return t;
  }

  private fail(expected: string, t: Token = this.peek()): never {
    throw new FilterSyntaxError(`expected ${expected} at offset ${t.offset}, found ${describeToken(t)}`, t.offset);
  }

  /** `and`, `or`, `not`, with or without a leading dash (Intune accepts both), any casing. */
  private isKeyword(t: Token, word: string): boolean {
    const text = t.text.toLowerCase();
    return (t.type === 'word' && text === word) || (t.type === 'dashWord' && text === `-${word}`);
  }

  parseRule(): FilterExpression {
    if (this.peek().type === 'end') {
      throw new FilterSyntaxError(
        'the rule is empty: expected a comparison such as (device.model -eq "Surface Laptop 5")',
        0,
      );
    }
    const expr = this.parseOr();
    const t = this.peek();
    if (t.type !== 'end') this.fail('"and", "or" or end of rule', t);
    return expr;
  }

  private parseOr(): FilterExpression {
    const operands = [this.parseAnd()];
    while (this.isKeyword(this.peek(), 'or')) {
      this.next();
      operands.push(this.parseAnd());
    }
    return operands.length === 1 && operands[0] ? operands[0] : { kind: 'or', operands };
  }

  private parseAnd(): FilterExpression {
    const operands = [this.parseUnary()];
    while (this.isKeyword(this.peek(), 'and')) {
      this.next();
      operands.push(this.parseUnary());
    }
    return operands.length === 1 && operands[0] ? operands[0] : { kind: 'and', operands };
  }

  private parseUnary(): FilterExpression {
    const t = this.peek();
    if (this.isKeyword(t, 'not')) {
      this.next();
      return { kind: 'not', operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterExpression {
    const t = this.peek();
    if (t.type === 'lparen') {
      this.next();
      const inner = this.parseOr();
      const close = this.peek();
      if (close.type !== 'rparen') this.fail('")" to close the "(" at offset ' + t.offset, close);
      this.next();
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): FilterExpression {
    const propTok = this.peek();
    if (propTok.type !== 'word' || this.isKeyword(propTok, 'and') || this.isKeyword(propTok, 'or')) {
      this.fail('"(", "not" or a property such as device.model', propTok);
    }
    const m = /^device\.([A-Za-z0-9_]+)$/i.exec(propTok.text);
    if (!m || m[1] === undefined) {
      throw new FilterSyntaxError(
        `expected a property such as device.model at offset ${propTok.offset}, found ${describeToken(propTok)}; ` +
          `ESP profile filters allow: ${ALLOWED_LIST}`,
        propTok.offset,
      );
    }
    const name = m[1].toLowerCase();
    const property = ESP_FILTER_PROPERTIES.find((p) => p.toLowerCase() === name);
    if (!property) {
      throw new FilterSyntaxError(
        `${propTok.text} is not supported for ESP profile filters; allowed: ${ALLOWED_LIST}`,
        propTok.offset,
      );
    }
    this.next();

    const opTok = this.peek();
    const operatorList = FILTER_OPERATORS.join(', ');
    if (opTok.type !== 'dashWord') this.fail(`an operator (${operatorList})`, opTok);
    const operator = FILTER_OPERATORS.find((o) => o.toLowerCase() === opTok.text.toLowerCase());
    if (!operator) {
      throw new FilterSyntaxError(
        `unsupported operator ${opTok.text} at offset ${opTok.offset}; expected one of ${operatorList}`,
        opTok.offset,
      );
    }
    this.next();

    const valTok = this.peek();
    if (operator === '-in' || operator === '-notIn') {
      if (valTok.type !== 'lbracket') this.fail(`a list such as ["a", "b"] after ${operator}`, valTok);
      this.next();
      const values: string[] = [];
      for (;;) {
        const item = this.peek();
        if (item.type !== 'string') this.fail('a double-quoted string in the list', item);
        this.next();
        values.push(item.value);
        const sep = this.peek();
        if (sep.type === 'comma') {
          this.next();
          // A trailing comma before "]" is tolerated, as Intune tolerates it.
          if (this.peek().type === 'rbracket') {
            this.next();
            break;
          }
          continue;
        }
        if (sep.type === 'rbracket') {
          this.next();
          break;
        }
        this.fail('"," or "]"', sep);
      }
      checkOwnershipValues(property, values, valTok.offset);
      return { kind: 'listComparison', property, operator, values };
    }
    if (valTok.type === 'lbracket') {
      this.fail(`a double-quoted string after ${operator} (lists go with -in / -notIn)`, valTok);
    }
    if (valTok.type !== 'string') this.fail(`a double-quoted string after ${operator}`, valTok);
    this.next();
    if (operator === '-eq' || operator === '-ne') checkOwnershipValues(property, [valTok.value], valTok.offset);
    return { kind: 'comparison', property, operator, value: valTok.value };
  }
}

/** deviceOwnership takes Intune's two values; anything else could never match, so say so. */
function checkOwnershipValues(property: FilterProperty, values: string[], offset: number): void {
  if (property !== 'deviceOwnership') return;
  for (const v of values) {
    if (!DEVICE_OWNERSHIP_VALUES.some((allowed) => allowed.toLowerCase() === v.toLowerCase())) {
      throw new FilterSyntaxError(
        `device.deviceOwnership value ${JSON.stringify(v)} at offset ${offset} is not one Intune uses; ` +
          `expected ${DEVICE_OWNERSHIP_VALUES.map((x) => JSON.stringify(x)).join(' or ')}`,
        offset,
      );
    }
  }
}

/** Parse an Intune filter rule; errors name the offset and what was expected. */
export function parseFilterRule(rule: string): ParseFilterResult {
  try {
    const filter = new Parser(tokenize(rule)).parseRule();
    return { ok: true, filter };
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { ok: false, error: e.message, offset: e.offset };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** The device properties a filter can read (a scenario's device satisfies it). */
export type FilterableDevice = Readonly<Record<FilterProperty, string>>;

/** Values compare case-insensitively; Graph's ownerType "company" is Intune's "Corporate". */
function deviceValue(device: FilterableDevice, property: FilterProperty): string {
  const raw = device[property].toLowerCase();
  if (property === 'deviceOwnership' && raw === 'company') return 'corporate';
  return raw;
}

/** Evaluate a parsed filter against the device. String comparisons are case-insensitive. */
export function evaluateFilter(filter: FilterExpression, device: FilterableDevice): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.operands.every((f) => evaluateFilter(f, device));
    case 'or':
      return filter.operands.some((f) => evaluateFilter(f, device));
    case 'not':
      return !evaluateFilter(filter.operand, device);
    case 'listComparison': {
      const actual = deviceValue(device, filter.property);
      const found = filter.values.some((v) => v.toLowerCase() === actual);
      return filter.operator === '-in' ? found : !found;
    }
    case 'comparison': {
      const actual = deviceValue(device, filter.property);
      const v = filter.value.toLowerCase();
      switch (filter.operator) {
        case '-eq':
          return actual === v;
        case '-ne':
          return actual !== v;
        case '-startsWith':
          return actual.startsWith(v);
        case '-notStartsWith':
          return !actual.startsWith(v);
        case '-endsWith':
          return actual.endsWith(v);
        case '-notEndsWith':
          return !actual.endsWith(v);
        case '-contains':
          return actual.includes(v);
        case '-notContains':
          return !actual.includes(v);
      }
    }
  }
}

/** Render a filter back to Intune syntax (canonical spelling), for timelines and logs. */
export function formatFilter(filter: FilterExpression): string {
  const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  switch (filter.kind) {
    case 'and':
    case 'or':
      return filter.operands
        .map((f) => (f.kind === 'and' || f.kind === 'or' ? `(${formatFilter(f)})` : formatFilter(f)))
        .join(` ${filter.kind} `);
    case 'not':
      return `not (${formatFilter(filter.operand)})`;
    case 'comparison':
      return `(device.${filter.property} ${filter.operator} ${quote(filter.value)})`;
    case 'listComparison':
      return `(device.${filter.property} ${filter.operator} [${filter.values.map(quote).join(', ')}])`;
  }
}
