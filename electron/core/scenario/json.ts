/**
 * Scenario text to a JSON value, or a sentence that says where (line, column) and why it is not one.
 *
 * The format is strict JSON: scenario-and-cli.md §1 says a scenario is "one JSON document" (the `jsonc` examples
 * there only annotate the format). Comments, trailing commas and single quotes are refused with their position,
 * never silently accepted.
 *
 * Steps, each bounded so no input can crash a command or keep the preview from starting:
 * 1. size: text longer than MAX_SCENARIO_FILE_BYTES is refused before anything reads it (load.ts refuses the file
 *    before reading it, by its size on disk);
 * 2. nesting: jsonc-parser's scanner (iterative, never recursive) walks the tokens and refuses nesting deeper than
 *    MAX_JSON_DEPTH, naming the line, column and JSON path (100,000 unclosed `[` used to overflow the stack);
 * 3. JSON.parse builds the value (native, and `__proto__` stays an ordinary key);
 * 4. when JSON.parse fails, jsonc-parser's fault-tolerant visitor finds the first error and its offset (V8's own
 *    messages do not always give a position, and never a line). Its recursion is safe after step 2.
 *
 * Pure: no fs, so any room may use it.
 */
import { createScanner, printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';

/** jsonc-parser's SyntaxKind.EOF (a const enum, which verbatimModuleSyntax cannot import). */
const EOF_TOKEN = 17;

/**
 * The largest scenario file (and Graph export) read: 20 MB. A worst-case tenant (51 profiles, 120 apps, 230
 * policies and profiles) is about 200 kB; real Graph exports with their base64 icons stay under a few MB.
 */
export const MAX_SCENARIO_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The deepest nesting of `[` and `{` read: 256 levels. Scenarios and Graph exports nest about 10; this is far
 * below what any recursive walk of the value can take.
 */
export const MAX_JSON_DEPTH = 256;

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string };

/** `20 MB`, `25.3 MB`: sizes as a person reads them. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** The refusal of a file or text over MAX_SCENARIO_FILE_BYTES. */
export function tooLargeMessage(size: number, unit: 'bytes' | 'characters'): string {
  const what = unit === 'bytes' ? formatMegabytes(size) : `${size} characters long`;
  return `the file is ${what}; a scenario file may be at most ${formatMegabytes(MAX_SCENARIO_FILE_BYTES)}`;
}

/**
 * Parse strict JSON. A leading BOM is ignored. Never throws: a failure is `{ ok: false, message }` with a message
 * such as `not valid JSON: a trailing comma before "}" at line 3, column 39`.
 */
export function parseJson(text: string): JsonParseResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.length > MAX_SCENARIO_FILE_BYTES) return { ok: false, message: tooLargeMessage(body.length, 'characters') };
  const tooDeep = findTooDeepNesting(body);
  if (tooDeep) return { ok: false, message: tooDeep };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    if (body.trim() === '') return { ok: false, message: 'not valid JSON: the file is empty (expected a JSON object)' };
    const located = locateSyntaxError(body);
    if (!located) return { ok: false, message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
    const { line, column } = lineAndColumn(body, located.offset);
    return { ok: false, message: `not valid JSON: ${located.message} at line ${line}, column ${column}` };
  }
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

// ---------------------------------------------------------------------------------------------
// Nesting depth

interface Frame {
  kind: 'object' | 'array';
  /** The property being read (objects) or the item's index (arrays). */
  at: string | number;
  expectingKey: boolean;
}

/** The message for nesting deeper than MAX_JSON_DEPTH, or null. Iterative: safe at any depth. */
function findTooDeepNesting(text: string): string | null {
  const scanner = createScanner(text, true);
  const stack: Frame[] = [];
  for (;;) {
    // The end of the text. jsonc-parser reports EOF with a length of 1 after an unclosed comment, so the
    // token kind, not its length, ends the loop (fuzzing found `/*` looping forever).
    if ((scanner.scan() as number) === EOF_TOKEN || scanner.getTokenLength() === 0) return null;
    const offset = scanner.getTokenOffset();
    const top = stack[stack.length - 1];
    switch (text[offset]) {
      case '{':
      case '[':
        if (stack.length === MAX_JSON_DEPTH) return tooDeepMessage(text, offset, stack);
        stack.push({
          kind: text[offset] === '{' ? 'object' : 'array',
          at: text[offset] === '{' ? '' : 0,
          expectingKey: true,
        });
        break;
      case '}':
      case ']':
        stack.pop();
        break;
      case ',':
        if (top?.kind === 'array' && typeof top.at === 'number') top.at++;
        else if (top) top.expectingKey = true;
        break;
      case ':':
        if (top) top.expectingKey = false;
        break;
      case '"':
        if (top?.kind === 'object' && top.expectingKey) top.at = scanner.getTokenValue();
        break;
    }
  }
}

function tooDeepMessage(text: string, offset: number, stack: readonly Frame[]): string {
  const { line, column } = lineAndColumn(text, offset);
  const segments = stack.map((f) => f.at);
  // Thousands of levels make an unreadable path: the first few and the last say where it is.
  const shown = segments.length > 8 ? [...segments.slice(0, 6), '…', ...segments.slice(-2)] : segments;
  const path = shown
    .map((s, i) =>
      typeof s === 'number'
        ? `[${s}]`
        : s === '…'
          ? '…'
          : /^[A-Za-z_$][\w$]*$/.test(s)
            ? `${i === 0 || shown[i - 1] === '…' ? '' : '.'}${s}`
            : `[${JSON.stringify(s)}]`,
    )
    .join('');
  return (
    `nested more than ${MAX_JSON_DEPTH} levels deep at line ${line}, column ${column}, inside ${path || '(root)'} ` +
    `(a scenario nests about 10 levels; an unclosed "[" or "{" repeated, or a generated file, does this)`
  );
}

// ---------------------------------------------------------------------------------------------
// Syntax errors

/** The first syntax error jsonc-parser finds, in words; null when it finds none. */
function locateSyntaxError(text: string): { offset: number; message: string } | null {
  let found: { offset: number; message: string } | null = null;
  const containers: ('object' | 'array')[] = [];
  // Set once a whole top-level value has been read: anything after it is extra.
  let complete = false;
  const end = () => {
    containers.pop();
    complete ||= containers.length === 0;
  };
  visit(
    text,
    {
      onObjectBegin: () => void containers.push('object'),
      onObjectEnd: end,
      onArrayBegin: () => void containers.push('array'),
      onArrayEnd: end,
      onLiteralValue: () => {
        complete ||= containers.length === 0;
      },
      onError: (error, offset) => {
        found ??= complete
          ? { offset, message: `unexpected ${describeCharacter(text[offset])} after the end of the JSON document` }
          : describeSyntaxError(text, error, offset, containers[containers.length - 1]);
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return found;
}

function describeSyntaxError(
  text: string,
  error: ParseErrorCode,
  offset: number,
  container: 'object' | 'array' | undefined,
): { offset: number; message: string } {
  const here = describeCharacter(text[offset]);
  const at = (message: string, where = offset) => ({ offset: where, message });
  const commaBefore = previousNonSpace(text, offset);
  if (offset >= text.length && container) {
    return at(`the file ends inside an ${container} (missing "${container === 'array' ? ']' : '}'}")`);
  }
  switch (printParseErrorCode(error)) {
    case 'ValueExpected':
      if (text[offset] === ']' && text[commaBefore] === ',') return at('a trailing comma before "]"', commaBefore);
      if (text[offset] === "'") return at('strings need double quotes ("), not single quotes (\')');
      if (offset >= text.length) return at('the file ends where a value was expected');
      return at(`expected a value, found ${here}`);
    case 'PropertyNameExpected':
      if (text[offset] === '}' && text[commaBefore] === ',') return at('a trailing comma before "}"', commaBefore);
      if (text[offset] === "'") return at('strings need double quotes ("), not single quotes (\')');
      return at(`expected a property name in double quotes, found ${here}`);
    case 'ColonExpected':
      return at(`expected ":" after the property name, found ${here}`);
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      return container === 'array'
        ? at(`expected "," or "]" after an array item, found ${here}`)
        : at(`expected "," or "}" after a property value, found ${here}`);
    case 'EndOfFileExpected':
      return at(`unexpected ${here} after the end of the JSON document`);
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return at('comments are not allowed in JSON');
    case 'UnexpectedEndOfString':
      return at('a string is not closed (missing ")');
    case 'InvalidUnicode':
      return at('\\u must be followed by 4 hex digits');
    case 'InvalidEscapeCharacter':
      return at('an invalid escape in a string (a Windows path needs \\\\ for each \\)');
    case 'InvalidCharacter':
      return at('a line break or control character inside a string (write it as \\n)');
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return at('a malformed number');
    case 'InvalidSymbol':
      if (text[offset] === "'") return at('strings need double quotes ("), not single quotes (\')');
      return at(`expected a value, found ${here}`);
    default:
      return at(`unexpected ${here}`);
  }
}

function describeCharacter(ch: string | undefined): string {
  return ch === undefined ? 'the end of the file' : JSON.stringify(ch);
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return i;
}
