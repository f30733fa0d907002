/**
 * Copy-paste snippets that put a lab run in someone else's page: plain HTML, Docusaurus,
 * MkDocs (Material) and Astro Starlight. Pure: a lab's full address and a title in, text
 * out. The "Embed this" dialog (components/EmbedDialog.tsx) shows them, and the README's
 * examples are these functions' output for `https://your.host/ec-lab/?lab=playground`
 * (snippets.test.ts holds them equal).
 *
 * Where each generator takes its script (looked up in each project's own documentation):
 * - Docusaurus: `scripts` in docusaurus.config.js, strings or attribute objects, put in
 *   every page's <head>; they block rendering unless given `defer: true` or `async: true`.
 * - MkDocs: `extra_javascript` in mkdocs.yml; since MkDocs 1.5 an item may be a mapping
 *   with `path` and `defer` (Material's templates render it with MkDocs' own script_tag).
 * - Starlight: `head` in the starlight() integration's options, entries of
 *   `{ tag, attrs, content }`, written into every page's <head> as they are.
 */

export type SnippetKind = 'html' | 'docusaurus' | 'mkdocs' | 'starlight';

export interface SnippetPart {
  /** Where this part goes, in a few words: "your page (HTML)", "docusaurus.config.js". */
  readonly where: string;
  /** The fenced block's language in the README. */
  readonly lang: 'html' | 'mdx' | 'js' | 'yaml' | 'md';
  readonly code: string;
}

export interface Snippet {
  readonly kind: SnippetKind;
  readonly label: string;
  readonly parts: readonly SnippetPart[];
}

/** The four kinds, in the order a page offers them. */
export const SNIPPET_KINDS: readonly { readonly kind: SnippetKind; readonly label: string }[] = [
  { kind: 'html', label: 'Plain HTML' },
  { kind: 'docusaurus', label: 'Docusaurus' },
  { kind: 'mkdocs', label: 'MkDocs (Material)' },
  { kind: 'starlight', label: 'Astro Starlight' },
];

/** The frame's height before embed.js has heard from the lab (and for good, without it). */
export const INITIAL_HEIGHT = '720px';

/**
 * What the frame may do. The lab needs each of these; it needs nothing else (no
 * allow-forms: no action in it is a form submission; no allow-top-navigation).
 * - allow-scripts: the lab is a script.
 * - allow-same-origin: without it the frame's origin is opaque ("null"), and the browser
 *   refuses the lab's module scripts (fetched with CORS, which a plain static host does not
 *   grant to "null"); storage is refused too.
 * - allow-downloads: saving a run as a file and the pictures as SVG or PNG.
 * - allow-popups: the "Open in the full lab" link opens a new tab.
 * - allow-popups-to-escape-sandbox: so that tab is the full lab, not a sandboxed copy.
 */
export const SANDBOX = 'allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox';

/** Permissions the frame is given: fullscreen, and writing to the clipboard for "Copy link". */
export const ALLOW = 'fullscreen; clipboard-write';

function parse(labUrl: string): URL {
  const url = new URL(labUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`A lab is embedded from an http(s) address, not ${url.protocol}`);
  return url;
}

/**
 * The frame's address: the lab's address with `embed=1` (last), its other parameters kept.
 *
 * @example embedSrc('https://your.host/ec-lab/?lab=quorum&run=1.abc') // 'https://your.host/ec-lab/?lab=quorum&run=1.abc&embed=1'
 */
export function embedSrc(labUrl: string): string {
  const url = parse(labUrl);
  const q = new URLSearchParams(url.search);
  q.delete('embed');
  q.append('embed', '1');
  // As the lab writes its own links: ':' and ',' left readable (va=Node1:2,Node2:0).
  url.search = `?${q.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',')}`;
  return url.href;
}

/**
 * The host script, beside the lab: its folder (no query) + embed.js.
 *
 * @example scriptSrc('https://your.host/ec-lab/?lab=quorum') // 'https://your.host/ec-lab/embed.js'
 */
export function scriptSrc(labUrl: string): string {
  const url = parse(labUrl);
  return new URL('embed.js', url.origin + url.pathname).href;
}

/** Text for a double-quoted HTML attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A JSX attribute. A JSX string has no backslash escapes and decodes character references
 * (`&amp;`), so a value with a quote, a brace, an angle bracket, a backslash, a line
 * break or something that reads as a character reference is given as a JavaScript string
 * in braces instead.
 */
export function jsxAttribute(name: string, value: string): string {
  const plain = !/["{}<>\\\r\n\u2028\u2029]/.test(value) && !/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(value);
  return plain ? `${name}="${value}"` : `${name}={${JSON.stringify(value)}}`;
}

/** A single-quoted JavaScript string. */
export function jsString(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}

/** A YAML scalar: plain when an address allows it, else single-quoted. */
function yamlScalar(value: string): string {
  // No spaces, so no ": " or " #" that YAML would read as a key or a comment.
  return /^https?:\/\/[A-Za-z0-9\-._~:/?[\]@!$&()*+,;=%]+$/.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

function htmlFrame(src: string, title: string): string {
  return [
    '<iframe',
    `  src="${escapeHtml(src)}"`,
    `  title="${escapeHtml(title)}"`,
    `  style="width: 100%; height: ${INITIAL_HEIGHT}; border: 0"`,
    '  loading="lazy"',
    `  allow="${ALLOW}"`,
    `  sandbox="${SANDBOX}"`,
    '></iframe>',
  ].join('\n');
}

function jsxFrame(src: string, title: string): string {
  return [
    '<iframe',
    `  ${jsxAttribute('src', src)}`,
    `  ${jsxAttribute('title', title)}`,
    `  style={{ width: '100%', height: '${INITIAL_HEIGHT}', border: 0 }}`,
    '  loading="lazy"',
    `  allow="${ALLOW}"`,
    `  sandbox="${SANDBOX}"`,
    '/>',
  ].join('\n');
}

/**
 * The snippet of one kind for a lab run: a part for the page, and for the docs generators
 * a part for the site's configuration, which loads embed.js on every page.
 *
 * @example snippetFor('html', 'https://your.host/ec-lab/?lab=quorum', 'Quorum lab').parts[0].code // '<iframe\n  src="https://your.host/ec-lab/?lab=quorum&amp;embed=1"…'
 */
export function snippetFor(kind: SnippetKind, labUrl: string, title: string): Snippet {
  const src = embedSrc(labUrl);
  const script = scriptSrc(labUrl);
  const label = SNIPPET_KINDS.find((k) => k.kind === kind)!.label;
  const parts = ((): SnippetPart[] => {
    switch (kind) {
      case 'html':
        return [{ where: 'your page (HTML)', lang: 'html', code: `${htmlFrame(src, title)}\n<script src="${escapeHtml(script)}" defer></script>` }];
      case 'docusaurus':
        return [
          { where: 'a page of docs/ (an .mdx file)', lang: 'mdx', code: jsxFrame(src, title) },
          {
            where: 'docusaurus.config.js',
            lang: 'js',
            code: ['export default {', '  // …your other settings', `  scripts: [{ src: ${jsString(script)}, defer: true }],`, '};'].join('\n'),
          },
        ];
      case 'mkdocs':
        return [
          { where: 'a page of docs/ (a .md file)', lang: 'md', code: htmlFrame(src, title) },
          { where: 'mkdocs.yml (MkDocs 1.5 or later)', lang: 'yaml', code: ['extra_javascript:', `  - path: ${yamlScalar(script)}`, '    defer: true'].join('\n') },
        ];
      case 'starlight':
        return [
          { where: 'a page of src/content/docs/ (an .mdx file)', lang: 'mdx', code: jsxFrame(src, title) },
          {
            where: 'astro.config.mjs',
            lang: 'js',
            code: [
              'export default defineConfig({',
              '  integrations: [',
              '    starlight({',
              '      // …your other settings',
              `      head: [{ tag: 'script', attrs: { src: ${jsString(script)}, defer: true } }],`,
              '    }),',
              '  ],',
              '});',
            ].join('\n'),
          },
        ];
    }
  })();
  return { kind, label, parts };
}

/** Every kind's snippet, in SNIPPET_KINDS' order. */
export function allSnippets(labUrl: string, title: string): readonly Snippet[] {
  return SNIPPET_KINDS.map(({ kind }) => snippetFor(kind, labUrl, title));
}

/** A comment in a part's own language, so one copied text says where each part goes. */
function comment(lang: SnippetPart['lang'], text: string): string {
  const safe = text.replace(/\*\/|-->/g, '');
  if (lang === 'js') return `// ${safe}`;
  if (lang === 'yaml') return `# ${safe}`;
  if (lang === 'mdx') return `{/* ${safe} */}`;
  return `<!-- ${safe} -->`;
}

/**
 * The snippet as one text to copy. A single part is given as it is; several each come
 * after a comment that says where they go.
 */
export function snippetText(snippet: Snippet): string {
  if (snippet.parts.length === 1) return snippet.parts[0]!.code;
  return snippet.parts.map((p) => `${comment(p.lang, `In ${p.where}:`)}\n${p.code}`).join('\n\n');
}
