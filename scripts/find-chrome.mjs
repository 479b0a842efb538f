import { existsSync } from 'node:fs';

/** Where Chrome or Chromium usually lives; CHROME_PATH wins. */
const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return candidates.find((path) => existsSync(path));
}

export const howToGetChrome = `No Chrome or Chromium was found for the browser tests.
  Debian/Ubuntu:  sudo apt-get install -y chromium
  macOS:          install Google Chrome, or: brew install --cask chromium
  Elsewhere:      install Chrome or Chromium and set CHROME_PATH=/path/to/chrome`;

/** Flags for headless Chromium here: no sandbox as root, no calls home. */
export const chromeArgs = [
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
