import type { Block, MinimesosFileAst, Property, Value } from "./ast.js";
import { MinimesosFileError, type SourcePosition } from "./errors.js";
import { tokenize } from "./tokenizer.js";
import { describeToken, type Token } from "./tokens.js";

const GROOVY_KEYWORDS = new Set([
  "def", "import", "if", "else", "for", "while", "do", "return", "class", "new", "try", "catch", "throw",
  "switch", "case", "assert", "static", "final", "void", "this", "super", "println", "print", "evaluate",
]); // prettier-ignore

interface Body {
  properties: Property[];
  blocks: Block[];
}

/** Recursive-descent parser over the token list; every failure names line and column. */
class Parser {
  private at = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  private get token(): Token {
    return this.tokens[Math.min(this.at, this.tokens.length - 1)] as Token;
  }
  private next(): Token {
    const token = this.token;
    if (this.at < this.tokens.length - 1) this.at++;
    return token;
  }
  private isPunct(text: string, token: Token = this.token): boolean {
    return token.kind === "punct" && token.text === text;
  }
  private fail(reason: string, pos: SourcePosition = this.token.pos): never {
    throw new MinimesosFileError(this.source, pos, reason);
  }

  parseFile(): MinimesosFileAst {
    const packageName = this.parsePackage();
    const body = this.parseBody(undefined);
    return { source: this.source, ...(packageName !== undefined && { packageName }), ...body };
  }

  private parsePackage(): string | undefined {
    const first = this.token;
    if (first.kind !== "identifier" || first.text !== "package") return undefined;
    this.next();
    const parts: string[] = [];
    do {
      const part = this.next();
      if (part.kind !== "identifier")
        this.fail(`expected a package name, found ${describeToken(part)}`, part.pos);
      parts.push(part.text);
    } while (this.isPunct(".") && this.next());
    this.expectStatementEnd("the package name");
    return parts.join(".");
  }

  /** Statements up to the closing `}` of `open` (or the end of the file at top level). */
  private parseBody(open: Block | undefined): Body {
    const body: Body = { properties: [], blocks: [] };
    while (true) {
      const token = this.token;
      if (this.isPunct(";")) this.next();
      else if (this.isPunct("}")) {
        if (!open) this.fail("unexpected '}': no block is open here");
        this.next();
        return body;
      } else if (token.kind === "end") {
        if (open) this.fail(`expected '}' to close block '${open.name}' opened at line ${open.pos.line}`);
        return body;
      } else this.parseStatement(body);
    }
  }

  private parseStatement(body: Body): void {
    const name = this.next();
    if (name.kind !== "identifier")
      this.fail(`expected a property or block name, found ${describeToken(name)}`, name.pos);
    if (name.text === "package") this.fail("'package' may only appear on the first line", name.pos);
    if (this.isPunct("{")) {
      this.next();
      body.blocks.push(this.parseBlock(name, false));
      return;
    }
    if (!this.isPunct("=")) {
      if (GROOVY_KEYWORDS.has(name.text))
        this.fail(`'${name.text}' is Groovy code; a minimesosFile is read, never run`, name.pos);
      this.fail(`expected '=' or '{' after '${name.text}', found ${describeToken(this.token)}`);
    }
    this.next();
    if (this.isPunct("{")) {
      this.next();
      body.blocks.push(this.parseBlock(name, true));
    } else {
      body.properties.push({ name: name.text, value: this.parseValue(name.text), pos: name.pos });
    }
    this.expectStatementEnd(`'${name.text}'`);
  }

  private parseBlock(name: Token & { kind: "identifier" }, assigned: boolean): Block {
    const block: Block = { name: name.text, pos: name.pos, assigned, properties: [], blocks: [] };
    Object.assign(block, this.parseBody(block));
    return block;
  }

  private parseValue(propertyName: string): Value {
    const token = this.next();
    const pos = token.pos;
    if (token.kind === "string") return { kind: "string", value: token.value, pos };
    if (token.kind === "number") return { kind: "number", value: token.value, text: token.text, pos };
    if (token.kind === "identifier") {
      if (token.text === "true" || token.text === "false")
        return { kind: "boolean", value: token.text === "true", pos };
      if (token.text === "null") return { kind: "null", pos };
      this.fail(
        `expected a value for '${propertyName}' (a string, number, true, false or null), found '${token.text}': references and code are not supported`,
        pos,
      );
    }
    return this.fail(`expected a value for '${propertyName}', found ${describeToken(token)}`, pos);
  }

  /** A statement ends at `;`, `}`, the end of the file or a line break. */
  private expectStatementEnd(what: string): void {
    const token = this.token;
    if (token.newlineBefore || token.kind === "end" || this.isPunct(";") || this.isPunct("}")) return;
    this.fail(`expected a new line or ';' after ${what}, found ${describeToken(token)}`);
  }
}

/** Parses minimesosFile text into an AST without evaluating anything; throws MinimesosFileError. */
export function parseMinimesosFile(text: string, source = "minimesosFile"): MinimesosFileAst {
  return new Parser(tokenize(text, source), source).parseFile();
}
