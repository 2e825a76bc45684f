import { test, newPage, hydrated, expect } from '../harness.mjs';

const PASSWORD = 'portavoz-demo';

async function signIn(page, url, email) {
  await page.goto(`${url}/sign-in`);
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', PASSWORD);
  await page.click('main button[type=submit]');
}

test('an ambassador signs in, the page hydrates, switches language and signs out', async (ctx) => {
  const page = await newPage(ctx.browser);
  ctx.pages.push(page);
  await signIn(page, ctx.url, 'ana@example.com');
  await page.waitForURL(`${ctx.url}/`);
  await hydrated(page);
  const greeting = page.locator('[data-testid=greeting]');
  expect((await greeting.textContent()) === 'Hola, Ana', `greeting: ${await greeting.textContent()}`);
  expect(await page.getAttribute('html', 'lang') === 'es', 'starts in her language');

  // The language switch answers in place: no page load (a marker on window survives).
  await page.evaluate(() => { window.__stillHere = true; });
  await page.click('[data-testid=lang-en]');
  await page.waitForFunction(() => document.querySelector('[data-testid=greeting]')?.textContent === 'Hello, Ana');
  expect(await page.evaluate(() => window.__stillHere === true), 'switched without reloading: the page is hydrated');
  expect(await page.getAttribute('html', 'lang') === 'en', 'html lang follows');
  expect(await page.getAttribute('[data-testid=lang-en]', 'aria-pressed') === 'true', 'the switch shows the choice');

  await page.reload();
  await hydrated(page);
  expect((await greeting.textContent()) === 'Hello, Ana', 'the choice is remembered');

  await page.click('[data-testid=sign-out]');
  await page.waitForURL(`${ctx.url}/sign-in`);
  await page.goto(`${ctx.url}/profile`);
  expect(page.url().startsWith(`${ctx.url}/sign-in`), `signed out: ${page.url()}`);
});

test('signing in works before the WebAssembly has loaded', async (ctx) => {
  const page = await newPage(ctx.browser);
  ctx.pages.push(page);
  await page.route('**/*.wasm', (route) => route.abort());
  page.problems = [];
  await signIn(page, ctx.url, 'luis@example.com');
  await page.waitForURL(`${ctx.url}/`);
  expect((await page.textContent('[data-testid=greeting]')) === 'Hello, Luis', 'Luis reads English');
  page.problems = []; // the blocked wasm is expected to complain
});

test('a wrong password gets a clear message and keeps the e-mail', async (ctx) => {
  const page = await newPage(ctx.browser);
  ctx.pages.push(page);
  await page.goto(`${ctx.url}/sign-in`);
  await hydrated(page);
  await page.fill('input[type=email]', 'ana@example.com');
  await page.fill('input[type=password]', 'not-the-password');
  await page.click('main button[type=submit]');
  await page.waitForSelector('[role=alert]');
  const alert = await page.textContent('[role=alert]');
  expect(alert.includes('Correo o contraseña incorrectos'), `message: ${alert}`);
  expect(await page.inputValue('input[type=email]') === 'ana@example.com', 'nothing typed is lost');
  page.problems = page.problems.filter((p) => !p.includes('401'));
});

test('on a phone the navigation folds into a menu', async (ctx) => {
  const page = await newPage(ctx.browser, { viewport: { width: 390, height: 844 } });
  ctx.pages.push(page);
  await signIn(page, ctx.url, 'admin@example.com');
  await page.waitForURL(`${ctx.url}/`);
  await hydrated(page);
  expect(!(await page.isVisible('a[href="/admin/people"]')), 'links hidden behind the menu');
  await page.click('.nav-toggle-label');
  expect(await page.isVisible('a[href="/admin/people"]'), 'the menu opens');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(!overflow, 'no sideways scrolling');
});

test('an admin invites someone, who accepts and is in', async (ctx) => {
  const admin = await newPage(ctx.browser);
  ctx.pages.push(admin);
  await signIn(admin, ctx.url, 'admin@example.com');
  await admin.waitForURL(`${ctx.url}/`);
  await admin.goto(`${ctx.url}/admin/people`);
  await hydrated(admin);
  await admin.click('[data-testid=open-invite]');
  await admin.fill('[data-testid=person-email]', 'rocio@example.com');
  await admin.fill('[data-testid=person-name]', 'Rocío Prieto');
  await admin.selectOption('[data-testid=person-team]', { label: 'Marketing' });
  await admin.click('[data-testid=person-submit]');
  const link = await admin.inputValue('[data-testid=invitation-url]');
  expect(link.startsWith(`${ctx.url}/invite/`), `link: ${link}`);

  const newcomer = await newPage(ctx.browser);
  ctx.pages.push(newcomer);
  await newcomer.goto(link);
  await hydrated(newcomer);
  expect((await newcomer.textContent('main')).includes('rocio@example.com'), 'the invitation names her');
  await newcomer.fill('input[name=password]', 'mi frase secreta');
  await newcomer.fill('input[name=confirm]', 'mi frase secreta');
  await newcomer.click('main button[type=submit]');
  await newcomer.waitForURL(`${ctx.url}/`);
  await newcomer.waitForSelector('[data-testid=greeting]');
  expect((await newcomer.textContent('[data-testid=greeting]')) === 'Hola, Rocío', 'signed in as herself');
});
