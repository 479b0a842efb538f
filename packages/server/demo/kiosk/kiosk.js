/* global localStorage, history, navigator */
// The kiosk page: the widget in kiosk mode with this device's kiosk token, and a service worker that lets the
// page open again without a network. Check-ins made offline wait in the widget's IndexedDB outbox.
//
// The token: a librarian opens /kiosk/#token=kt_... once on the kiosk device; it is kept in this device's
// localStorage (a kiosk is the library's own machine, not a visitor's) and removed from the address bar. On the
// demo server, without one, the page asks for the demo kiosk token of the demo data and says so.
const kiosk = document.querySelector('pustaka-visit-counter');
const stored = 'pustaka-kiosk-token';

const fromLink = /(?:^#|&)token=(kt_[\w-]+)/.exec(location.hash)?.[1];
if (fromLink) {
  localStorage.setItem(stored, fromLink);
  history.replaceState(null, '', location.pathname);
}

async function demoToken() {
  try {
    const response = await fetch('/demo-keys.json', { cache: 'no-store' });
    if (response.ok) return (await response.json()).kiosk_token;
  } catch {
    // Offline: the token kept from the last visit, if any.
  }
  return localStorage.getItem(`${stored}-demo`) ?? undefined;
}

async function start() {
  let token = localStorage.getItem(stored) ?? undefined;
  if (!token) {
    token = await demoToken();
    if (token) {
      localStorage.setItem(`${stored}-demo`, token);
      document.getElementById('kiosk-note').hidden = false;
    } else document.getElementById('kiosk-setup').hidden = false;
  }
  if (token) kiosk.setAttribute('token', token);
  // The library of the token gives the kiosk its name and today's count; the token alone is enough.
}

void start();

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/kiosk/sw.js', { scope: '/kiosk/' }).catch(() => {
    // Without a service worker the kiosk still works; it just cannot open while offline.
  });
}
