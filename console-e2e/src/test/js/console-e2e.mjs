// Drives the console in Debian's Chromium (playwright-core, no downloaded browser). Run by
// ConsoleEndToEndTest with CONSOLE_URL, MASTER_URL, CONSOLE_PRINCIPAL, CONSOLE_SECRET, CHROMIUM, SCREENSHOTS.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const env = (name) => {
  if (!process.env[name]) throw new Error(`${name} is not set`);
  return process.env[name];
};
const url = env('CONSOLE_URL');
const principal = env('CONSOLE_PRINCIPAL');
const secret = env('CONSOLE_SECRET');
const shots = env('SCREENSHOTS');
mkdirSync(shots, { recursive: true });

const step = (text) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
const localInput = (date) => new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

const browser = await chromium.launch({
  executablePath: env('CHROMIUM'),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let page;
try {
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(20000);
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));

  step('log in with a wrong secret, then the right one');
  await page.goto(url);
  await page.fill('#principal', principal);
  await page.fill('#secret', 'not-the-secret');
  await page.click('#login-button');
  await page.waitForSelector('#login-error:has-text("Wrong principal or secret")');
  await page.screenshot({ path: join(shots, 'login.png') });
  await page.fill('#secret', secret);
  await page.click('#login-button');

  step('overview: 3 agents UP');
  await page.waitForSelector('#agents-by-state .big:text-is("3")');
  await page.waitForSelector('#agents-by-state .badge.up:text-is("UP 3")');
  await page.waitForSelector('#resources td[data-figure="total"]');
  if (await page.isVisible('#login')) throw new Error('the login form is still shown after logging in');
  await page.screenshot({ path: join(shots, 'overview.png'), fullPage: true });

  step('agents');
  await page.click('#nav a[href="#/agents"]');
  await page.waitForFunction(() => document.querySelectorAll('#agents tbody tr').length === 3);
  const host = await page.textContent('#agents tbody tr:first-child td:nth-child(1)');
  const ip = await page.textContent('#agents tbody tr:first-child td:nth-child(2)');
  step(`the first agent is ${host} (${ip})`);
  await page.fill('#filter', host);
  await page.waitForFunction(() => document.querySelectorAll('#agents tbody tr').length === 1);
  await page.fill('#filter', '');
  await page.waitForFunction(() => document.querySelectorAll('#agents tbody tr').length === 3);
  await page.screenshot({ path: join(shots, 'agents.png'), fullPage: true });

  for (const view of ['frameworks', 'tasks', 'offers', 'roles']) {
    step(view);
    await page.click(`#nav a[href="#/${view}"]`);
    await page.waitForSelector(`#toolbar h2:text-is("${view[0].toUpperCase() + view.slice(1)}")`);
    await page.waitForSelector(`#${view}, #${view}-empty`);
    await page.screenshot({ path: join(shots, `${view}.png`), fullPage: true });
  }

  step('maintenance: an invalid schedule is refused with the API message');
  await page.click('#nav a[href="#/maintenance"]');
  await page.waitForSelector('#machines');
  await page.fill('#window-machines', '');
  await page.click('#post-schedule');
  await page.waitForSelector('#message-error:has-text("List of machines in the maintenance window is empty")');

  step('post a window that started a minute ago for the first agent: it is DRAINING and overdue');
  await page.fill('#window-machines', `${host} ${ip}`);
  await page.fill('#window-start', localInput(new Date(Date.now() - 60000)));
  await page.fill('#window-duration', '90');
  await page.click('#post-schedule');
  await page.waitForSelector('#message-ok:has-text("Schedule posted")');
  await page.waitForSelector(`#gantt .gantt-row[data-machine="${host}"] rect.window`);
  await page.waitForSelector(`#machines tr[data-machine="${host}"] .badge.draining`);
  await page.waitForSelector('#overdue');
  await page.screenshot({ path: join(shots, 'maintenance.png'), fullPage: true });

  step('an UP machine cannot go down: the API message is shown');
  const other = await page.getAttribute('#machines tr:not(.overdue) button[data-action="down"]', 'data-host');
  await page.click(`#machines tr[data-machine="${other}"] button[data-action="down"]`);
  await page.waitForSelector('#message-error');
  step(`refused: ${await page.textContent('#message-error')}`);

  step('bring the machine down');
  await page.click(`#machines tr[data-machine="${host}"] button[data-action="down"]`);
  await page.waitForSelector('#message-ok:has-text("DOWN")');
  await page.waitForSelector(`#machines tr[data-machine="${host}"] .badge.down`);
  await page.click('#nav a[href="#/overview"]');
  await page.waitForSelector('#agents-by-state .big:text-is("2")');
  await page.click('#nav a[href="#/maintenance"]');
  await page.waitForSelector(`#gantt .gantt-row[data-machine="${host}"] .mode.down`);
  await page.screenshot({ path: join(shots, 'maintenance-down.png'), fullPage: true });

  step('bring it up: it leaves the schedule and its agent registers again');
  await page.click(`#machines tr[data-machine="${host}"] button[data-action="up"]`);
  await page.waitForSelector('#message-ok:has-text("UP")');
  await page.waitForSelector('#gantt-empty');
  await page.click('#nav a[href="#/overview"]');
  await page.waitForSelector('#agents-by-state .big:text-is("3")', { timeout: 45000 });

  step('audit: the schedule change and both transitions are there');
  await page.click('#nav a[href="#/audit"]');
  await page.waitForSelector('#audit-maintenance tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('#audit-maintenance tbody tr').length >= 3);
  await page.waitForSelector('#audit-auth tbody tr, #audit-auth-error, #audit-auth-empty');
  await page.screenshot({ path: join(shots, 'audit.png'), fullPage: true });

  step('log out: the credentials are gone');
  await page.click('#logout');
  await page.waitForSelector('#login-form');
  console.log('console e2e: OK');
} catch (e) {
  console.log(`console e2e: FAILED: ${e.stack ?? e}`);
  if (page) {
    await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
    console.log(`message box: ${await page.textContent('#message').catch(() => '?')}`);
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}
