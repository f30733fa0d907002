import { test, type Page } from '@playwright/test';

/*
 * A docs page on another origin around a lab frame, for the embed and host-API specs. The
 * page is the same server under another name (the lab is served at 127.0.0.1, the page at
 * localhost), made by the test (routed). Chromium counts a routed page as public and would
 * refuse its frame from a loopback server (Local Network Access); a real docs page and a
 * real lab host are both public, so a spec that uses this turns that check off with
 * `test.use(CROSS_ORIGIN)`.
 */

export const CROSS_ORIGIN = {
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || undefined,
    args: ['--disable-gpu', '--disable-quic', '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights'],
  },
};

export const hostOf = () => {
  const lab = new URL(test.info().project.use.baseURL!);
  return `http://localhost:${lab.port}/docs-page/`;
};

export const labBase = () => new URL('./', test.info().project.use.baseURL).href;

/**
 * Open a docs page with one lab frame (`query` after `?lab=`, embedded) and, unless told,
 * the host script; `extra` is more of the page's HTML, after the frame.
 */
export async function hostPage(page: Page, query: string, { width = 360, sandbox, script = true, extra = '' }: { width?: number; sandbox?: string; script?: boolean; extra?: string } = {}) {
  const base = labBase();
  const host = hostOf();
  await page.route(`${host}**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Docs</title><h1>A page about replication</h1>
        <iframe title="The lab" src="${base}?lab=${query}&embed=1" style="width:${width}px;height:200px;border:0" ${sandbox === undefined ? '' : `sandbox="${sandbox}"`}></iframe>
        <p>After the lab.</p>
        ${extra}
        ${script ? `<script src="${base}embed.js"></script>` : ''}`,
    }),
  );
  await page.goto(host);
  return page.frameLocator('iframe[title="The lab"]');
}
