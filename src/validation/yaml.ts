/**
 * Reads a YAML content file and validates it against its zod schema, turning every problem into a
 * located `Problem`: the `yaml` library keeps the position of every node, so a zod path maps back to
 * the line and column the editor has to fix.
 */
import { lstatSync, readdirSync, readFileSync, type Dirent, type Stats } from 'node:fs';
import { Composer, isMap, isPair, isScalar, isSeq, LineCounter, Parser, visit, type CST, type Document, type ErrorCode, type Node, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { keepsWrittenForm } from '../schemas/common.ts';
import { chineseErrorMap, closest } from './messages.ts';
import type { Problem } from './problem.ts';

/** The marker `npm run new-report` leaves where an editor still has to fill something in. */
export const TO_FILL = '待填写';

/** The comment `npm run import` writes above what it guessed (`# 待核对：…`): a warning until an editor removes it. */
export const TO_REVIEW = '待核对';

export interface Position {
  line: number;
  column: number;
}

/**
 * Largest content files read, checked before reading: the largest real report file is under 10 KB, so
 * these leave a hundredfold margin while a file pasted or exported by mistake (tens of MB, which took
 * minutes and gigabytes to check) is refused at once.
 */
export const SIZE_LIMITS = { yaml: 1024 * 1024, narrative: 2 * 1024 * 1024 } as const;

/** What is at a path of the content: its `Stats`, `'missing'`, or the located problem that keeps it from being read. */
export function checkEntry(absolutePath: string, file: string, expected: 'file' | 'folder'): Stats | Problem | 'missing' {
  const what = expected === 'file' ? '文件' : '文件夹';
  let stat;
  try {
    // lstat: a link is not followed, so a file outside the content (or a link to nothing) is never read.
    stat = lstatSync(absolutePath, { throwIfNoEntry: false });
  } catch (error) {
    return wholeFile(file, cannotRead(error, what));
  }
  if (!stat) return 'missing';
  if (stat.isSymbolicLink()) return wholeFile(file, `内容文件夹里不能有符号链接（快捷方式）：请删掉这个链接，把真正的${what}复制到这里`);
  if (expected === 'file' && stat.isDirectory()) return wholeFile(file, '这里应是一个文件，实际是一个文件夹');
  if (expected === 'folder' && !stat.isDirectory()) return wholeFile(file, '这里应是一个文件夹，实际不是');
  if (expected === 'file' && !stat.isFile()) return wholeFile(file, '这不是一个普通文件，无法读取：请换成普通的文本文件');
  return stat;
}

/** The entries of a content folder, links not followed; none if it is missing or cannot be read (a problem then). */
export function listFolder(absolutePath: string, file: string, problems: Problem[]): Dirent[] {
  const entry = checkEntry(absolutePath, file, 'folder');
  if (entry === 'missing') return [];
  if ('message' in entry) {
    problems.push(entry);
    return [];
  }
  try {
    return readdirSync(absolutePath, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    problems.push(wholeFile(file, cannotRead(error, '文件夹')));
    return [];
  }
}

/** A file's text, `missing`, or the located problem that kept it from being read as UTF-8. */
export function readUtf8(absolutePath: string, file: string, limit: number): { text?: string; missing?: true; problems: Problem[] } {
  const entry = checkEntry(absolutePath, file, 'file');
  if (entry === 'missing') return { missing: true, problems: [] };
  if ('message' in entry) return { problems: [entry] };
  if (entry.size > limit) {
    return { problems: [wholeFile(file, `文件太大（${megabytes(entry.size)}），超过了上限 ${megabytes(limit)}：内容文件通常只有几十 KB，请检查是不是放错了文件或粘贴了多余的内容`)] };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { problems: [wholeFile(file, cannotRead(error))] };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, problems: [] };
  } catch {
    return { problems: [{ severity: 'error', file, ...firstInvalidUtf8(bytes), field: '', message: '文件不是 UTF-8 编码（可能用 GBK 等编码保存了）。请用“UTF-8”编码另存此文件' }] };
  }
}

/**
 * Where the first byte sequence that is not UTF-8 starts. The lenient decoder turns it into U+FFFD;
 * every character before it is valid, so its byte length is known and the byte offset can be followed
 * along, telling a U+FFFD written in the file (bytes EF BF BD) from one standing for bad bytes.
 */
function firstInvalidUtf8(bytes: Uint8Array): Position {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder('utf-8').decode(bytes);
  let offset = hasBom ? 3 : 0;
  let line = 1;
  let column = 1;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0xfffd && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) break;
    offset += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (char === '\n') {
      line++;
      column = 1;
    } else column += char.length;
  }
  return { line, column };
}

function wholeFile(file: string, message: string): Problem {
  return { severity: 'error', file, line: 0, column: 0, field: '', message };
}

/** Rounded up, so a file just over a limit never reads as its size. */
function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** What the system said when a file or folder could not be read, for an editor. */
function cannotRead(error: unknown, what: '文件' | '文件夹' = '文件'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return `无法读取：没有读取这个${what}的权限，请检查它的权限设置`;
  if (code === 'EISDIR') return '这里应是一个文件，实际是一个文件夹';
  if (code === 'ENOTDIR') return '这里应是一个文件夹，实际不是';
  if (code === 'ENOENT') return `读取时${what}不见了：请确认它还在，再运行一次`;
  return `无法读取这个${what}${code ? `（系统错误代码 ${code}）` : ''}：请再运行一次，仍不行请告诉技术人员`;
}

const TAB = '不能用 Tab 键缩进，请改用空格';
const QUOTE_IT = '；如果它是文字的一部分，请把整个值用引号括起来';
const QUOTE_SIGN = (sign: string) => `如果 ${sign} 是文字的一部分，请把整个值用引号括起来`;

/** The parser's errors in Chinese, for every code the `yaml` library has (its English is never shown). */
const YAML_ERRORS: Record<ErrorCode, string> = {
  ALIAS_PROPS: '以 * 开头的值前面不能再有 & 或 !' + QUOTE_IT,
  BAD_ALIAS: '& 或 * 后面缺少名字' + QUOTE_IT,
  BAD_COLLECTION_TYPE: '以 ! 开头的类型标记与内容不符，请删掉它',
  BAD_DIRECTIVE: '以 % 开头的指令写法不对：内容文件不需要指令，请删掉这一行',
  BAD_DQ_ESCAPE: '双引号里的反斜杠“\\”写法不对：要写反斜杠本身请写成“\\\\”，或改用单引号',
  BAD_INDENT: '缩进不对齐：同一层的字段要用相同数量的空格缩进',
  BAD_PROP_ORDER: '& 或 ! 的位置不对' + QUOTE_IT,
  BAD_SCALAR_START: '值的开头有特殊符号（如 @ ` | > %），请把整个值用引号括起来',
  BLOCK_AS_IMPLICIT_KEY: '字段写法不对：冒号后面的内容换行了，或缩进不对',
  BLOCK_IN_FLOW: '方括号或花括号里不能再分行写列表或字段：请写在一行里，或去掉括号改用分行的写法',
  DUPLICATE_KEY: '同一层里出现了两个同名字段',
  IMPOSSIBLE: '这里的内容无法解析，请检查这一行的写法',
  KEY_OVER_1024_CHARS: '字段名太长：可能是冒号后面少了空格，或文字里有“: ”（这时请把整个值用引号括起来）',
  MISSING_CHAR: '缺少配对的符号（如引号、括号、逗号）',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行：可能少了冒号或缩进不对',
  MULTIPLE_ANCHORS: '一个值前面只能有一个 & 锚点',
  MULTIPLE_DOCS: '一个文件里只能有一份内容（不要出现 ---）',
  MULTIPLE_TAGS: '一个值前面只能有一个 ! 标记',
  NON_STRING_KEY: '字段名只能是文字，不能是列表或一组字段',
  RESOURCE_EXHAUSTION: '括号或缩进嵌套的层次太深，无法读取',
  TAB_AS_INDENT: TAB,
  TAG_RESOLVE_FAILED: '无法识别以 ! 开头的类型标记' + QUOTE_IT,
  UNEXPECTED_TOKEN: '这里出现了不该有的符号',
};

/**
 * Mistakes the parser's message tells apart within one code. Matched on its English text: if a new
 * version of the library words it differently, the code's own explanation above is shown instead.
 */
const YAML_ERROR_DETAILS: [RegExp, string][] = [
  [/^Sequence item without - indicator/, '这一行的缩进不对，或者列表项前面少了“- ”'],
  [/^Implicit map keys need to be followed by map values/, '字段名后面少了冒号“:”'],
  [/^Missing , (or : )?between/, '方括号或花括号里的各项之间少了逗号'],
  [/^Missing space after :/, '冒号“:”后面要有空格'],
  [/^Comments must be separated/, '# 前面要有空格才是注释' + QUOTE_IT],
];

/** More syntax problems than this in one file are summed up in one last message. */
const MAX_SYNTAX_PROBLEMS = 10;
/** The same for problems against the schema, which are seldom echoes of each other. */
const MAX_SCHEMA_PROBLEMS = 100;

/** Errors that do not upset how the rest of the file is read, so a later one is no echo of an earlier one. */
const INDEPENDENT_ERRORS = new Set<ErrorCode>(['DUPLICATE_KEY', 'NON_STRING_KEY', 'BAD_DQ_ESCAPE']);

/**
 * The file is always read with the YAML 1.2 core schema: dates and times stay text (never a JS Date),
 * yes/no stay text, 0o17 is not a number unless written so. A `%YAML 1.1` line would switch to the
 * 1.1 schema, where all of these change meaning; directives are refused below (an editor never needs
 * one, and reading a file against what it declares would be a silent disagreement), and the schema is
 * fixed here as well so no directive can change it.
 */
const COMPOSE_OPTIONS = {
  schema: 'core',
  // Problems are reported by the checks here, in Chinese: the library prints none of its own warnings.
  logLevel: 'error',
  // Duplicate keys are found by keyProblems() instead: the library compares each key with every
  // earlier one of its map, a minute for a map of 50 000 keys.
  uniqueKeys: false,
} as const;

export interface YamlFile<T> {
  data?: T;
  problems: Problem[];
  /** The file does not exist (a link to nothing is no missing file but a problem). */
  missing?: true;
  /** Where the node at a zod/data path starts; the nearest existing ancestor if it does not exist. */
  locate(path: readonly PropertyKey[]): Position;
}

export function readYamlFile<S extends z.ZodType>(absolutePath: string, file: string, schema: S): YamlFile<z.output<S>> {
  const { text, missing, problems } = readUtf8(absolutePath, file, SIZE_LIMITS.yaml);
  const nowhere = () => ({ line: 0, column: 0 });
  if (text === undefined) return { problems, locate: nowhere, ...(missing ? { missing } : {}) };
  return parseYaml(text.replace(/^\uFEFF/, ''), file, schema);
}

export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): YamlFile<z.output<S>> {
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const [doc, second] = Array.from(new Composer(COMPOSE_OPTIONS).compose(tokens, true, text.length)) as [Document.Parsed, Document.Parsed?];
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate = (path: readonly PropertyKey[]) => position(findNode(doc, path)?.range?.[0] ?? 0);
  const problems: Problem[] = [];
  const syntax = syntaxErrors(text, tokens, doc, second);
  if (syntax.length > 0) {
    const lines = new Set<number>();
    for (const { offset, message } of syntax) {
      const at = position(offset);
      // One message per line: a second one on the same line is an echo of the first.
      if (lines.has(at.line)) continue;
      lines.add(at.line);
      problems.push({ severity: 'error', file, ...at, field: '', message: `YAML 格式错误：${message}` });
    }
    // A file made of a mistake repeated (a pasted alias bomb) would otherwise print a line per line.
    if (problems.length > MAX_SYNTAX_PROBLEMS) {
      const rest = problems.splice(MAX_SYNTAX_PROBLEMS);
      problems.push({ ...rest[0]!, message: `YAML 格式错误：从这里起还有 ${rest.length} 处格式错误，请先改正前面的，再运行检查` });
    }
    return { problems, locate };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    problems.push({ severity: 'error', file, line: 1, column: 1, field: '', message: `文件是空的，应填写${schemaLabel(schema)}` });
    return { problems, locate };
  }
  // Values reported here (a placeholder, a number YAML reads as infinite) are not reported again by the schema.
  const reported = new Set<string>();
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key') return;
      // 15.0 stays 15.0: a number-as-written field gets the number's text as typed (src/schemas/common.ts).
      if (typeof node.value === 'number' && Number.isFinite(node.value) && keepsWrittenForm(schemaAt(schema, pathOf(ancestors, node)))) {
        node.value = node.source ?? String(node.value);
        return;
      }
      const message =
        typeof node.value === 'string' && node.value.includes(TO_FILL)
          ? `这里还是“${TO_FILL}”：请照原文填写，或删掉不需要的项`
          : typeof node.value === 'number' && !Number.isFinite(node.value)
            ? notFinite(node.source ?? String(node.value))
            : undefined;
      if (!message) return;
      const at = position(node.range?.[0] ?? 0);
      reported.add(`${at.line}:${at.column}`);
      problems.push({ severity: 'error', file, ...at, field: fieldPath(pathOf(ancestors, node)), message });
    },
  });
  const review = reviewNotes(text, doc, file, position);
  // No alias gets here (syntaxErrors refuses them); maxAliasCount 0 makes sure none is ever expanded.
  const result = schema.safeParse(doc.toJS({ maxAliasCount: 0 }), { error: chineseErrorMap, reportInput: true });
  if (result.success) return { ...(problems.length === 0 ? { data: result.data } : {}), problems: [...problems, ...review], locate };
  // Each problem is located by a search of its map: a file of fifty thousand unknown keys would take
  // minutes, and its list would help nobody. The rest are counted.
  const limit = problems.length + MAX_SCHEMA_PROBLEMS;
  let unlisted = 0;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        if (problems.length >= limit) {
          unlisted++;
          continue;
        }
        const path = [...issue.path, key];
        const known = knownKeys(schema, issue.path);
        const guess = closest(key, known);
        const node = findKeyNode(doc, path);
        const at = position(node?.range?.[0] ?? 0);
        problems.push({
          severity: 'error',
          file,
          ...at,
          field: fieldPath(path),
          message:
            `未知字段“${key}”` +
            (guess ? `，是不是想写“${guess}”？` : '。') +
            (known.length > 0 ? `这里可以用的字段：${known.join('、')}` : ''),
        });
      }
      continue;
    }
    if (problems.length >= limit) {
      unlisted++;
      continue;
    }
    const at = locate(issue.path);
    if (reported.has(`${at.line}:${at.column}`)) continue;
    const label = fieldLabel(schema, issue.path);
    problems.push({
      severity: 'error',
      file,
      ...at,
      field: fieldPath(issue.path),
      message: label ? `${label}：${issue.message}` : issue.message,
    });
  }
  if (unlisted > 0) {
    // Placed after the last one listed, where the editor reads on.
    const last = problems.reduce((a, b) => (b.line > a.line || (b.line === a.line && b.column > a.column) ? b : a));
    problems.push({ ...last, field: '', message: `还有 ${unlisted} 个问题没有列出：请先改正上面的，再运行检查` });
  }
  return { problems: [...problems, ...review], locate };
}

/**
 * Each `# 待核对：…` comment as a warning at its line, for the field it stands above: a guess of the
 * importer nobody has checked yet is listed by the check, never published silently. Indented comment
 * lines right below it (`#   s1：…`) belong to it.
 */
function reviewNotes(text: string, doc: Document.Parsed, file: string, position: (offset: number) => Position): Problem[] {
  const starts: { at: number; path: (string | number)[] }[] = [];
  const scalars: [number, number][] = [];
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (isScalar(pair.key) && pair.key.range) starts.push({ at: pair.key.range[0], path: pathOf(ancestors, pair) });
    },
    Seq(_, seq, ancestors) {
      seq.items.forEach((item, i) => {
        const at = (item as Node | null)?.range?.[0];
        if (at !== undefined) starts.push({ at, path: [...pathOf(ancestors, seq), i] });
      });
    },
    Scalar(_, node) {
      if (node.range && node.range[1] > node.range[0]) scalars.push([node.range[0], node.range[1]]);
    },
  });
  const notes: Problem[] = [];
  const marker = new RegExp(`^[ \\t]*#[ \\t]*${TO_REVIEW}[：:]?[ \\t]*(.*)$`, 'gmu');
  for (const m of text.matchAll(marker)) {
    const offset = m.index + m[0].indexOf('#');
    if (scalars.some(([from, to]) => offset > from && offset < to)) continue;
    const more = /^(?:\r?\n[ \t]*#[ \t]{2,}\S.*)+/u.exec(text.slice(m.index + m[0].length))?.[0] ?? '';
    const [first = '', ...rest] = [m[1]!.trim(), ...more.split(/\r?\n/u).map((l) => l.replace(/^[ \t]*#/u, '').trim())].filter((l) => l !== '');
    const note = (rest.length > 0 ? `${first.replace(/[：:]$/u, '')}：${rest.join('；')}` : first).replace(/[。；;，,]+$/u, '');
    const below = starts.filter((s) => s.at > offset).sort((a, b) => a.at - b.at || a.path.length - b.path.length)[0];
    notes.push({
      severity: 'warning',
      file,
      ...position(offset),
      field: below ? fieldPath(below.path) : '',
      message: `${TO_REVIEW}：${note}。核对后请删去这条“# ${TO_REVIEW}”注释`,
    });
  }
  return notes;
}

interface Finding {
  offset: number;
  message: string;
}

/**
 * What keeps the file from being read, in reading order, each cause once. After a structural
 * mistake the parser guesses at the rest of the file, and its later errors are mostly echoes of the
 * first; so only its first error is kept (and those that cannot be echoes), and nothing after a
 * bracket or quote left open, or after a line indented with a tab: everything the parser says past
 * such a place follows from it. Anchors, aliases, tags and directives are read from the tokens
 * (the concrete syntax tree), so they are found, and located, without the file being evaluated.
 */
function syntaxErrors(text: string, tokens: readonly CST.Token[], doc: Document.Parsed, second?: Document.Parsed): Finding[] {
  const refused: Finding[] = [];
  const unclosed: Finding[] = [];
  // Quoted and block scalars: a tab at the start of a line inside them is text, not indentation.
  const textSpans: [number, number][] = [];
  for (const token of allTokens(tokens)) {
    const source = 'source' in token ? token.source : '';
    switch (token.type) {
      case 'directive':
        refused.push({ offset: token.offset, message: `“${source}”是 YAML 指令，内容文件不需要（它会改变日期、是/否等的读法）：请删掉这一行` });
        break;
      case 'anchor':
        refused.push({ offset: token.offset, message: `值的开头不能是 &：YAML 会把“${source}”当作锚点标记，从值里去掉。${QUOTE_SIGN('&')}` });
        break;
      case 'alias':
        refused.push({ offset: token.offset, message: `值的开头不能是 *：YAML 会把“${source}”当作引用别处内容的别名。${QUOTE_SIGN('*')}` });
        break;
      case 'tag':
        refused.push({ offset: token.offset, message: `值的开头不能是 !：YAML 会把“${wordAt(text, token.offset)}”当作类型标记，从值里去掉。${QUOTE_SIGN('!')}` });
        break;
      case 'flow-collection':
        if (!token.end.some((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end')) {
          unclosed.push({
            offset: token.offset,
            message: token.start.type === 'flow-seq-start' ? '这里的方括号“[”没有配对关闭：请在列表最后补上“]”' : '这里的花括号“{”没有配对关闭：请在最后补上“}”',
          });
        }
        break;
      case 'double-quoted-scalar':
      case 'single-quoted-scalar':
        textSpans.push([token.offset, token.offset + source.length]);
        if (!closedQuote(source)) {
          const quote = token.type === 'double-quoted-scalar' ? '双引号' : '单引号';
          unclosed.push({ offset: token.offset, message: `这里的${quote}（${source[0]}）没有配对关闭：请在这个值的最后补上另一个${quote}` });
        }
        break;
      case 'block-scalar': {
        const header = token.props.at(-1) as CST.SourceToken | undefined;
        const start = header ? header.offset + header.source.length : token.offset;
        textSpans.push([token.offset, start + source.length]);
        break;
      }
    }
  }
  const errors = doc.errors.map((error) => ({ offset: error.pos[0], code: error.code, message: yamlErrorMessage(error) }));
  if (second) errors.push({ offset: second.range[0], code: 'MULTIPLE_DOCS', message: YAML_ERRORS.MULTIPLE_DOCS });
  // Only in a document the library could build: visit() recurses no deeper than the composer did.
  if (errors.length === 0) errors.push(...keyProblems(doc));
  const tabs = errors.length > 0 ? tabIndented(text, textSpans) : undefined;
  unclosed.sort((a, b) => a.offset - b.offset);
  const cut = Math.min(unclosed[0]?.offset ?? Infinity, tabs?.offset ?? Infinity);
  const before = (f: Finding) => f.offset < cut;
  const [first, ...later] = errors.filter(before);
  return [
    ...refused.filter(before),
    ...(unclosed[0] && unclosed[0].offset === cut ? [unclosed[0]] : []),
    ...(tabs && tabs.offset === cut ? [tabs] : []),
    ...(first ? [first] : []),
    ...later.filter((e) => INDEPENDENT_ERRORS.has(e.code)),
  ].sort((a, b) => a.offset - b.offset);
}

/**
 * Keys that are lists or maps (`? [a, b]`: toJS would turn them into text, with an English warning on
 * the console), and the second and later uses of a key in one map, in linear time.
 */
function keyProblems(doc: Document.Parsed): (Finding & { code: ErrorCode })[] {
  const found: (Finding & { code: ErrorCode })[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        if (!isScalar(key)) {
          if (key) found.push({ offset: (key as Node).range?.[0] ?? 0, code: 'NON_STRING_KEY', message: YAML_ERRORS.NON_STRING_KEY });
          continue;
        }
        const name = String(key.value);
        if (seen.has(name)) found.push({ offset: key.range?.[0] ?? 0, code: 'DUPLICATE_KEY', message: `${YAML_ERRORS.DUPLICATE_KEY}“${name}”` });
        seen.add(name);
      }
    },
  });
  return found;
}

/** Every token of the tree, at any depth, without recursion (a file can nest brackets thousands deep). */
function* allTokens(tokens: readonly CST.Token[]): Generator<CST.Token> {
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const item = stack.pop();
    // Pushed one by one: a spread of a list with a hundred thousand items would overflow the stack.
    if (Array.isArray(item)) for (const child of item) stack.push(child);
    else if (item && typeof item === 'object') {
      if ('type' in item && 'offset' in item) yield item as CST.Token;
      for (const child of Object.values(item)) stack.push(child);
    }
  }
}

/** The tag written at `offset` as the editor sees it: the tag token stops at the first non-ASCII letter. */
function wordAt(text: string, offset: number): string {
  return /^[^\s,[\]{}]{1,40}/.exec(text.slice(offset, offset + 40))?.[0] ?? '';
}

/** Whether a quoted scalar's source ends with its closing quote (not an escaped or doubled one). */
function closedQuote(source: string): boolean {
  const quote = source[0]!;
  if (source.length < 2 || !source.endsWith(quote)) return false;
  const body = source.slice(1, -1);
  // "…\" ends in an escaped quote; in '…' a quote is doubled, so an odd run of them before the end is open.
  const run = quote === '"' ? /\\*$/.exec(body)![0].length : /'*$/.exec(body)![0].length;
  return run % 2 === 0;
}

/** Lines indented with a tab, once for the file, located at the first one. */
function tabIndented(text: string, textSpans: readonly [number, number][]): Finding | undefined {
  const lines: number[] = [];
  let offset: number | undefined;
  let lineStart = 0;
  text.split('\n').forEach((line, i) => {
    const indent = /^ *\t[ \t]*(?=[^\s#])/.exec(line);
    if (indent && !textSpans.some(([from, to]) => lineStart > from && lineStart < to)) {
      lines.push(i + 1);
      offset ??= lineStart + indent[0].indexOf('\t');
    }
    lineStart += line.length + 1;
  });
  if (offset === undefined) return undefined;
  const listed = lines.length > 10 ? `${lines.slice(0, 10).join('、')} 等 ${lines.length} 行` : `${lines.join('、')} 行`;
  return { offset, message: `${TAB}（第 ${listed}的开头有 Tab）` };
}

function yamlErrorMessage(error: YAMLError): string {
  return YAML_ERROR_DETAILS.find(([pattern]) => pattern.test(error.message))?.[1] ?? YAML_ERRORS[error.code] ?? '这里的写法无法解析，请检查这一行';
}

/** `.inf`, `-.inf`, `.nan` (or a number too large for JavaScript): YAML reads a number that is none. */
function notFinite(source: string): string {
  const what = /nan/i.test(source) ? '表示“不是数字”' : /inf/i.test(source) ? '表示无穷大' : '是一个大得无法处理的数';
  return `“${source}”在 YAML 里${what}，不是有效数值：请照原文填写数字（如果写的是文字，请把它用引号括起来）`;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The data path of a node from the ancestors `visit` passes: map keys and list indexes. */
function pathOf(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  const chain = [...ancestors, node];
  chain.forEach((item, i) => {
    const child = chain[i + 1];
    if (isPair(item) && isScalar(item.key)) path.push(String(item.key.value));
    else if (isSeq(item) && child !== undefined) path.push(item.items.indexOf(child as never));
  });
  return path;
}

function findNode(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  let node: unknown = doc.contents;
  let found = node as Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return found;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (!node) return found;
    } else {
      return found;
    }
    found = node as Node;
  }
  return found;
}

function findKeyNode(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  const parent = findNode(doc, path.slice(0, -1));
  if (!isMap(parent)) return parent;
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path.at(-1)));
  return (pair?.key as Node | undefined) ?? parent;
}

type AnySchema = { _zod: { def: Record<string, unknown> }; description?: string };

/** The schema that validates the value at `path`, looking through optional, default and arrays. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = unwrap(schema as unknown as AnySchema);
  for (const segment of path) {
    if (!current) return undefined;
    const def: Record<string, unknown> = current._zod.def;
    if (def['type'] === 'object') current = (def['shape'] as Record<string, AnySchema>)[String(segment)];
    else if (def['type'] === 'array') current = def['element'] as AnySchema;
    else if (def['type'] === 'record') current = def['valueType'] as AnySchema;
    else return undefined;
    current = current && unwrap(current);
  }
  return current;
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def: Record<string, unknown> = current._zod.def;
    if (['optional', 'default', 'nullable', 'prefault', 'readonly'].includes(def['type'] as string)) {
      current = def['innerType'] as AnySchema;
    } else if (def['type'] === 'pipe') {
      current = def['in'] as AnySchema;
    } else return current;
  }
}

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const at = schemaAt(schema, path);
  return at?._zod.def['type'] === 'object' ? Object.keys(at._zod.def['shape'] as object) : [];
}

/** The short Chinese name of a field, the part of its description before the first comma or colon. */
function fieldLabel(schema: z.ZodType, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  const description = describedAt(schema, path);
  return description?.split(/[，：:,]/)[0] ?? '';
}

function describedAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  // The description may sit on the wrapper (optional/default) or on the inner schema.
  const parent = schemaAt(schema, path.slice(0, -1));
  const segment = path.at(-1)!;
  const def = parent?._zod.def;
  let raw: AnySchema | undefined;
  if (def?.['type'] === 'object') raw = (def['shape'] as Record<string, AnySchema>)[String(segment)];
  else if (def?.['type'] === 'array' || def?.['type'] === 'record') return undefined;
  return raw?.description ?? (raw && unwrap(raw).description);
}

function schemaLabel(schema: z.ZodType): string {
  return schema.description ? `“${schema.description}”的内容` : '内容';
}
