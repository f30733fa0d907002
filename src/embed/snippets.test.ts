import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ALLOW, SANDBOX, SNIPPET_KINDS, allSnippets, embedSrc, escapeHtml, jsxAttribute, scriptSrc, snippetFor, snippetText, type SnippetKind } from './snippets.ts';

const RUN = 'https://your.host/ec-lab/?lab=quorum&run=1.abc';
const TITLE = 'Eventual Consistency Lab: Quorum lab';
/** An address and a title with everything that must be escaped: quotes, angle brackets, ampersands, braces. */
const HOSTILE = `https://docs.example/o'neil&co/lab/?lab=quorum&note="<b>&amp;</b>"&va=Node1:2,Node2:0#top`;
const HOSTILE_TITLE = `Lab "one" <script>alert('x')</script> & {braces} &amp;`;

/** A start tag's name and attributes, read the way an HTML tokenizer reads them (enough for these snippets). */
interface Tag {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref[0] !== '#') return named[ref.toLowerCase()]!;
    return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
  });
}

/** Start tags of an HTML fragment; comments skipped, end tags and text ignored. */
function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while (i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[i] !== '<' || !/[a-z]/i.test(html[i + 1] ?? '')) {
      i++;
      continue;
    }
    i++;
    let name = '';
    while (i < html.length && /[^\s/>]/.test(html[i]!)) name += html[i++];
    const attrs: Record<string, string> = {};
    for (;;) {
      while (i < html.length && /[\s/]/.test(html[i]!)) i++;
      if (i >= html.length || html[i] === '>') break;
      let attr = '';
      while (i < html.length && /[^\s/>=]/.test(html[i]!)) attr += html[i++];
      while (/\s/.test(html[i] ?? '')) i++;
      let value = '';
      if (html[i] === '=') {
        i++;
        while (/\s/.test(html[i] ?? '')) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, i + 1);
          value = html.slice(i + 1, end);
          i = end + 1;
        } else {
          while (i < html.length && /[^\s>]/.test(html[i]!)) value += html[i++];
        }
      }
      attrs[attr.toLowerCase()] = decode(value);
    }
    i++;
    tags.push({ name: name.toLowerCase(), attrs });
  }
  return tags;
}

/** Parse as TSX and give TypeScript's syntax errors (none for good JSX). */
function syntaxErrors(code: string, kind: ts.ScriptKind = ts.ScriptKind.TSX): string[] {
  const file = ts.createSourceFile(kind === ts.ScriptKind.TSX ? 'x.tsx' : 'x.js', code, ts.ScriptTarget.Latest, true, kind);
  const diagnostics = (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** The iframe's attributes from a JSX snippet, as the values a JSX compiler gives them. */
function jsxFrameAttributes(jsx: string): Record<string, string> {
  const file = ts.createSourceFile('x.tsx', `<>${jsx}</>`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const attrs: Record<string, string> = {};
  let frames = 0;
  const visit = (node: ts.Node) => {
    if (ts.isJsxSelfClosingElement(node) && node.tagName.getText() === 'iframe') {
      frames++;
      for (const a of node.attributes.properties) {
        if (!ts.isJsxAttribute(a) || !a.initializer) continue;
        const init = a.initializer;
        if (ts.isStringLiteral(init)) attrs[a.name.getText()] = init.text;
        else if (ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression)) attrs[a.name.getText()] = init.expression.text;
        else attrs[a.name.getText()] = init.getText();
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  expect(frames).toBe(1);
  return attrs;
}

const JSX_KINDS: readonly SnippetKind[] = ['docusaurus', 'starlight'];
const HTML_KINDS: readonly SnippetKind[] = ['html', 'mkdocs'];

describe('the frame and script addresses', () => {
  it('adds embed=1 and keeps every other parameter', () => {
    const src = new URL(embedSrc(RUN));
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('lab')).toBe('quorum');
    expect(src.searchParams.get('run')).toBe('1.abc');
    expect(embedSrc(RUN)).toBe(`${RUN}&embed=1`);
  });

  it('replaces an embed= already there, keeps the fragment, and leaves : and , readable', () => {
    expect(embedSrc('https://h.test/lab/?embed=0&lab=conflicts&va=Node1:2,Node2:0#x')).toBe('https://h.test/lab/?lab=conflicts&va=Node1:2,Node2:0&embed=1#x');
    expect(embedSrc('https://h.test/lab/')).toBe('https://h.test/lab/?embed=1');
  });

  it('puts embed.js beside the lab, with no query', () => {
    expect(scriptSrc(RUN)).toBe('https://your.host/ec-lab/embed.js');
    expect(scriptSrc('https://your.host/ec-lab/index.html?lab=quiz')).toBe('https://your.host/ec-lab/embed.js');
    expect(scriptSrc('http://127.0.0.1:4183/?lab=quiz')).toBe('http://127.0.0.1:4183/embed.js');
  });

  it('refuses an address that is not http(s)', () => {
    expect(() => embedSrc('javascript:alert(1)')).toThrow(TypeError);
    expect(() => snippetFor('html', 'data:text/html,hi', TITLE)).toThrow(TypeError);
  });
});

describe('each snippet', () => {
  for (const { kind } of SNIPPET_KINDS) {
    it(`${kind}: has the frame's address with embed=1 and embed.js's address, and the frame's attributes`, () => {
      const snippet = snippetFor(kind, RUN, TITLE);
      const text = snippetText(snippet);
      const src = embedSrc(RUN);
      expect(src).toContain('embed=1');
      if (HTML_KINDS.includes(kind)) expect(text).toContain(`src="${escapeHtml(src)}"`);
      else expect(text).toContain(jsxAttribute('src', src));
      expect(text).toContain(scriptSrc(RUN));
      for (const fragment of ['loading="lazy"', `allow="${ALLOW}"`, `sandbox="${SANDBOX}"`, TITLE]) expect(text).toContain(fragment);
      expect(text).toMatch(/width:\s*'?100%/);
      expect(text).toMatch(/height:\s*'?720px/);
    });
  }

  it('loads embed.js the way each generator documents it', () => {
    const script = scriptSrc(RUN);
    const html = snippetText(snippetFor('html', RUN, TITLE));
    expect(html).toContain(`<script src="${script}" defer></script>`);
    expect(snippetFor('docusaurus', RUN, TITLE).parts[1]!.code).toContain(`scripts: [{ src: '${script}', defer: true }]`);
    expect(snippetFor('mkdocs', RUN, TITLE).parts[1]!.code).toBe(`extra_javascript:\n  - path: ${script}\n    defer: true`);
    expect(snippetFor('starlight', RUN, TITLE).parts[1]!.code).toContain(`head: [{ tag: 'script', attrs: { src: '${script}', defer: true } }]`);
  });

  it('as one text, names where each part goes when there is more than one', () => {
    expect(snippetText(snippetFor('html', RUN, TITLE))).toBe(snippetFor('html', RUN, TITLE).parts[0]!.code);
    const docusaurus = snippetText(snippetFor('docusaurus', RUN, TITLE));
    expect(docusaurus).toContain('{/* In a page of docs/ (an .mdx file): */}');
    expect(docusaurus).toContain('// In docusaurus.config.js:');
    expect(snippetText(snippetFor('mkdocs', RUN, TITLE))).toContain('# In mkdocs.yml');
  });
});

describe('an address and title with quotes, angle brackets and ampersands', () => {
  for (const kind of HTML_KINDS) {
    it(`${kind}: the HTML has exactly one iframe and one script, and their attributes read back as given`, () => {
      const html = snippetFor(kind, HOSTILE, HOSTILE_TITLE).parts[0]!.code;
      const tags = startTags(html);
      const frames = tags.filter((t) => t.name === 'iframe');
      expect(frames).toHaveLength(1);
      expect(html.match(/<\/iframe>/g)).toHaveLength(1);
      const frame = frames[0]!.attrs;
      expect(frame.src).toBe(embedSrc(HOSTILE));
      // The raw & in the address split its query; the quote and the angle bracket come back as they were.
      expect(new URL(frame.src!).searchParams.get('note')).toBe('"<b>');
      expect(frame.title).toBe(HOSTILE_TITLE);
      expect(frame.sandbox).toBe(SANDBOX);
      expect(Object.keys(frame).sort()).toEqual(['allow', 'loading', 'sandbox', 'src', 'style', 'title']);
      // Nothing the title or address held became a tag: no script but embed.js's (in the plain page).
      expect(tags.map((t) => t.name)).toEqual(kind === 'html' ? ['iframe', 'script'] : ['iframe']);
      if (kind === 'html') expect(tags[1]!.attrs.src).toBe(scriptSrc(HOSTILE));
    });
  }

  for (const kind of JSX_KINDS) {
    it(`${kind}: the MDX's JSX parses without errors, and its src and title read back as given`, () => {
      for (const [url, title] of [
        [RUN, TITLE],
        [HOSTILE, HOSTILE_TITLE],
      ] as const) {
        const jsx = snippetFor(kind, url, title).parts[0]!.code;
        expect(syntaxErrors(`<>${jsx}</>`)).toEqual([]);
        const attrs = jsxFrameAttributes(jsx);
        expect(attrs.src).toBe(embedSrc(url));
        expect(attrs.title).toBe(title);
        expect(attrs.sandbox).toBe(SANDBOX);
      }
    });

    it(`${kind}: the config parses as JavaScript, even for a hostile address`, () => {
      for (const url of [RUN, HOSTILE]) expect(syntaxErrors(snippetFor(kind, url, TITLE).parts[1]!.code, ts.ScriptKind.JS)).toEqual([]);
    });
  }

  it('mkdocs.yml quotes an address YAML would misread', () => {
    expect(snippetFor('mkdocs', HOSTILE, TITLE).parts[1]!.code).toContain(`- path: 'https://docs.example/o''neil&co/lab/embed.js'`);
  });

  it('a JSX string that reads as a character reference is given as a JavaScript string instead', () => {
    expect(jsxAttribute('title', 'A & B')).toBe('title="A & B"');
    expect(jsxAttribute('title', 'A &amp; B')).toBe('title={"A &amp; B"}');
    expect(jsxAttribute('title', 'say "hi"')).toBe('title={"say \\"hi\\""}');
  });
});

describe("the README's examples", () => {
  const EXAMPLE = 'https://your.host/ec-lab/?lab=playground';
  const MARKER = '<!-- embed-snippets: made by src/embed/snippets.ts for https://your.host/ec-lab/?lab=playground; snippets.test.ts checks them -->';
  const END = '<!-- /embed-snippets -->';

  it('are exactly what the functions make for the example address', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(MARKER);
    expect(start).toBeGreaterThanOrEqual(0);
    const end = readme.indexOf(END, start);
    expect(end).toBeGreaterThan(start);
    const blocks = [...readme.slice(start, end).matchAll(/^```(\w+)\n([\s\S]*?)\n```$/gm)].map((m) => ({ lang: m[1], code: m[2] }));
    const made = allSnippets(EXAMPLE, 'Eventual Consistency Lab: Replica playground').flatMap((s) => s.parts.map((p) => ({ lang: p.lang, code: p.code })));
    expect(blocks).toEqual(made);
  });
});
