/**
 * Vite plugin (build only): paints each route before the JavaScript has run.
 *
 * It renders the landing page and every built lesson's default figure, in each language and
 * theme, with React's server renderer (`app/prerender/renderRoutes.tsx`, loaded through a Vite
 * SSR server so it resolves modules as the app does) and writes them into `index.html` as
 * data blocks (`<script type="text/x-prerendered-page">`, see `dataBlock`), each route's followed
 * by a tiny inline script calling the chooser the head defined (`app/prerender/chooseTemplate.ts`;
 * both pinned by their sha256 in the CSP table) that copies the one of the link's route, language
 * and theme into `#root` once it has been parsed. Links keep their form (`#/conv?…`): the hash never
 * reaches the server, so one page holds every route's page. It also lists the app's start
 * (`startModules`), so it downloads beside the entry instead of after it has run.
 */
import { createHash } from 'node:crypto';
import type { Plugin, Rollup } from 'vite';
import { choosePageCall, choosePageDefinition, type TemplateChoiceSettings } from '../app/prerender/chooseTemplate.ts';

/**
 * What the inline script needs to know of the app: its languages (`LANGS`, `app/i18n`) and link
 * version (`URL_VERSION`, `app/urlCodec.ts`). Written out rather than imported, so that loading
 * the Vite config does not load the app; a spec checks they are the app's.
 */
export const TEMPLATE_CHOICE: TemplateChoiceSettings = { langs: ['zh-CN', 'en'], version: '1' };

/** The head's inline script: it defines the chooser the body's scripts call. */
export function headScript(): string {
  return choosePageDefinition(TEMPLATE_CHOICE);
}

/** The page's only inline scripts: the head's, and the body's call of the template chooser. */
export function inlineScripts(): readonly string[] {
  return [headScript(), choosePageCall()];
}

/** The CSP sources that allow the page's inline scripts and nothing else inline. */
export function inlineScriptHashes(): string {
  return inlineScripts()
    .map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`)
    .join(' ');
}

const APP_START = /[\\/]app[\\/]boot\.tsx$/;

/**
 * The files of the app's start (`app/boot.tsx`) that the page's entry does not load itself: every
 * visit needs them, so the head asks for them at once, although they are evaluated only after the
 * first paint. The chunk that holds `boot.tsx` is found by its modules: a chunk group
 * (`scripts/lessonChunks.ts`) may hold it without being its own chunk. A linked lesson's files are
 * asked for by the entry (`app/startLesson.ts`).
 */
export function startModules(bundle: Rollup.OutputBundle): string[] {
  const chunks = new Map<string, Rollup.OutputChunk>();
  for (const out of Object.values(bundle)) if (out.type === 'chunk') chunks.set(out.fileName, out);
  const withImports = (file: string, into: Set<string>): Set<string> => {
    if (into.has(file)) return into;
    into.add(file);
    for (const dep of chunks.get(file)?.imports ?? []) withImports(dep, into);
    return into;
  };
  const initial = new Set<string>();
  for (const chunk of chunks.values()) if (chunk.isEntry) withImports(chunk.fileName, initial);
  const start = new Set<string>();
  for (const chunk of chunks.values())
    if (chunk.moduleIds.some((id) => APP_START.test(id))) withImports(chunk.fileName, start);
  return [...start].filter((f) => !initial.has(f));
}

/**
 * The page's own stylesheet, written into it: the prerendered page can be painted as soon as it
 * has been parsed, instead of after one more request (a round trip on a phone, and a queue behind
 * the modules on a busy server). The CSP allows inline styles; the stylesheet stays in `assets/`
 * too, where the lessons' own stylesheets and the offline cache find it.
 */
export function inlineStylesheets(html: string, bundle: Rollup.OutputBundle): string {
  return html.replace(/<link rel="stylesheet"(?: crossorigin)? href="\.\/([^"]+\.css)">/g, (link, file: string) => {
    const asset = bundle[file];
    const css = asset?.type === 'asset' && typeof asset.source === 'string' ? asset.source : null;
    if (css === null || /<\/style/i.test(css) || /url\(/i.test(css)) return link;
    return `<style>${css}</style>`;
  });
}

/** The type of the data blocks that hold the prerendered pages (`app/prerender/chooseTemplate.ts`). */
export const PAGE_BLOCK_TYPE = 'text/x-prerendered-page';

/**
 * One prerendered page as a data block: text the browser keeps without running or parsing it.
 * A page's HTML could only end the block early if it held `</script`, or change how the block is
 * read if it held `<script` after `<!--`; React's output of the app's own figures has neither, and
 * the build stops rather than write a page that does.
 */
export function dataBlock(id: string, attrs: string, html: string): string {
  if (/<\/?script/i.test(html)) throw new Error(`prerendered page ${id} contains a script tag`);
  return `<script type="${PAGE_BLOCK_TYPE}" id="prerendered-${id}"${attrs}>${html}</script>`;
}

export function prerenderPlugin(): Plugin {
  return {
    name: 'convlab-prerender',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        const { createServer } = await import('vite');
        const server = await createServer({
          configFile: false,
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
        });
        try {
          const module = (await server.ssrLoadModule('/app/prerender/renderRoutes.tsx')) as {
            renderRoutes: () => Promise<{
              pages: Record<string, { html: string; frame: boolean }>;
              skipped: string[];
            }>;
          };
          const { pages, skipped } = await module.renderRoutes();
          for (const s of skipped) console.warn(`prerendering: ${s}`);
          // The chooser follows each route's templates, so the visitor's page is in place as soon
          // as its route has been parsed, while the browser still reads the others.
          const script = `<script>${choosePageCall()}</script>`;
          const routeOf = (id: string) => id.slice(0, id.indexOf('/'));
          const entries = Object.entries(pages);
          const templates = entries
            .map(([id, page], i) => {
              const last = routeOf(entries[i + 1]?.[0] ?? '') !== routeOf(id);
              const attrs = page.frame ? ' data-frame' : '';
              return `${dataBlock(id, attrs, page.html)}${last ? script : ''}`;
            })
            .join('');
          // The app's start is evaluated after the first paint (`app/main.tsx`), but fetched now.
          const startPreloads = (ctx.bundle ? startModules(ctx.bundle) : [])
            .map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`)
            .join('');
          // Before the stylesheet: a script after it would wait for it to arrive.
          const firstScript = html.search(/<script type="module"|<link rel="stylesheet"/);
          const head = `${startPreloads}<script>${headScript()}</script>`;
          const page = (
            firstScript < 0
              ? html.replace('</head>', `${head}</head>`)
              : html.slice(0, firstScript) + head + html.slice(firstScript)
          ).replace('<div id="root"></div>', `<div id="root"></div>${templates || script}`);
          return ctx.bundle ? inlineStylesheets(page, ctx.bundle) : page;
        } finally {
          await server.close();
        }
      },
    },
  };
}
