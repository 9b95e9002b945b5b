// Drivers for the engines Playwright cannot download here, with one small
// interface so a smoke suite runs unchanged on each:
//   firefox: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi
//   webkit:  Debian's WebKitGTK MiniBrowser, driven by selenium-webdriver
//            through WebKitWebDriver (bound to 127.0.0.1; needs a display,
//            so run under `xvfb-run -a`)
//
// A driver has:
//   name
//   goto(url)                 navigates and waits for the load event
//   evaluate(fn, ...args)     runs fn(...args) in the page (it may return a
//                             promise); resolves to its JSON-able value
//   waitFor(fn, timeoutMs, ...args) polls evaluate until truthy; resolves to the value
//   type(text)                types into the focused element, key by key
//   press(key)                one key: 'Escape', 'Enter', 'ArrowDown', ...
//   close()
//   requests                  every URL the page requested (an array the
//                             driver fills), or null where the engine's
//                             driver cannot tell

import { existsSync } from 'node:fs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

async function poll(evaluate, fn, timeoutMs, args) {
  const until = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await evaluate(fn, ...args);
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${fn.name || 'a condition'} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function launchFirefox() {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`${FIREFOX_PATH} not found (apt-get install -y firefox-esr)`);
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // No background traffic of the browser's own (updates, telemetry,
    // safe browsing), so every request seen is the page's.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const page = await browser.newPage();
  // Every request the page starts, as the browser reports it (BiDi network
  // events); WebKitWebDriver has no such log, so there the server's log and
  // the page's resource timing have to do.
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const evaluate = (fn, ...args) => page.evaluate(fn, ...args);
  return {
    name: 'firefox',
    requests,
    version: await browser.version(),
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    evaluate,
    waitFor: (fn, timeoutMs = 30_000, ...args) => poll(evaluate, fn, timeoutMs, args),
    type: (text) => page.keyboard.type(text, { delay: 30 }),
    press: (key) => page.keyboard.press(key),
    close: () => browser.close(),
  };
}

export async function launchWebKit() {
  for (const p of [WEBKIT_DRIVER_PATH, MINIBROWSER_PATH]) {
    if (!existsSync(p)) throw new Error(`${p} not found (apt-get install -y webkit2gtk-driver xvfb)`);
  }
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) throw new Error('WebKit needs a display: run under xvfb-run -a');
  const { Builder, Key } = await import('selenium-webdriver');
  const remote = await import('selenium-webdriver/remote/index.js');
  const service = new remote.DriverService.Builder(WEBKIT_DRIVER_PATH).setHostname('127.0.0.1').setLoopback(true).build();
  const url = await service.start();
  const driver = await new Builder()
    .usingServer(url)
    .withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
    })
    .build();
  const keys = { Escape: Key.ESCAPE, Enter: Key.ENTER, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, Home: Key.HOME, End: Key.END, Tab: Key.TAB };
  // executeAsyncScript with a callback, so fn may return a promise; errors
  // come back as values (WebKitWebDriver turns a thrown error into a
  // generic one).
  const evaluate = async (fn, ...args) => {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: true, v: v === undefined ? null : v }), (e) => done({ ok: false, e: String(e && e.stack || e) }));`;
    const r = await driver.executeAsyncScript(script, ...args);
    if (!r.ok) throw new Error(r.e);
    return r.v;
  };
  await driver.manage().setTimeouts({ script: 60_000, pageLoad: 60_000 });
  return {
    name: 'webkit',
    requests: null,
    version: (await driver.getCapabilities()).get('browserVersion'),
    goto: (u) => driver.get(u),
    evaluate,
    waitFor: (fn, timeoutMs = 30_000, ...args) => poll(evaluate, fn, timeoutMs, args),
    type: async (text) => {
      for (const ch of text) {
        await driver.actions().sendKeys(ch).perform();
        await new Promise((r) => setTimeout(r, 30));
      }
    },
    press: (key) => driver.actions().sendKeys(keys[key] || key).perform(),
    close: async () => {
      await driver.quit().catch(() => {});
      await service.kill();
    },
  };
}

export const ENGINES = { firefox: launchFirefox, webkit: launchWebKit };
