// What the Node test suites share: named checks that report and go on, and Debian's headless Chromium.
import { chromium } from 'playwright-core';

const results = [];

/** Runs one named check, prints ok or FAIL with the first lines of the error, and goes on. */
export async function check(name, body) {
  try {
    await body();
    results.push([name, 'ok']);
    console.log(`ok   ${name}`);
  } catch (error) {
    results.push([name, error]);
    console.log(`FAIL ${name}\n     ${String(error.stack || error).split('\n').slice(0, 8).join('\n     ')}`);
  }
}

/** Prints the count of passed and failed checks and exits non-zero when one failed. */
export function finish() {
  const failed = results.filter(([, outcome]) => outcome !== 'ok');
  console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
}

/** Debian's Chromium, headless, with nothing of its own going to the network. */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
