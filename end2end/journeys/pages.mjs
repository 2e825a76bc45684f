// Every page opened directly (a full load, as from a bookmark or a shared
// URL) renders on the server and then hydrates without a mismatch. Journeys
// mostly move between pages inside the app, which never hydrates again, so
// this is where a server/client difference shows.
import { test, newPage, hydrated, expect } from '../harness.mjs';

const PASSWORD = 'portavoz-demo';

const PAGES = {
  ana: ['/', '/profile', '/my-data', '/leaderboard', '/leaderboard?period=all', '/posts/1', '/posts/2', '/suggest', '/reach', '/learn', '/learn/1', '/learn/1/lesson/1'],
  admin: ['/', '/leaderboard?scope=company&period=quarter', '/analytics?scope=company&period=all', '/admin/people', '/admin/teams', '/admin/settings', '/posts/1', '/posts/3', '/studio',
    '/studio/posts/1', '/audit', '/crisis', '/learn', '/training', '/training/new', '/training/courses/1',
    '/training/reports?course=1'],
  manager: ['/team', '/leaderboard', '/analytics', '/analytics?period=quarter', '/training/reports?course=1'],
};

test('every page opened directly hydrates, for an ambassador, an admin and a manager', async (ctx) => {
  for (const [who, paths] of Object.entries(PAGES)) {
    const page = await newPage(ctx.browser);
    ctx.pages.push(page);
    await page.goto(`${ctx.url}/sign-in`);
    await page.fill('input[type=email]', `${who}@example.com`);
    await page.fill('input[type=password]', PASSWORD);
    await page.click('main button[type=submit]');
    await page.waitForURL(`${ctx.url}/`);
    for (const path of paths) {
      const res = await page.goto(`${ctx.url}${path}`);
      expect(res.status() === 200, `${who} ${path}: status ${res.status()}`);
      await hydrated(page).catch(() => {
        throw new Error(`${who} ${path} did not hydrate:\n  ${page.problems.join('\n  ')}`);
      });
    }
  }
});
