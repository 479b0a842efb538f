// Demo only: lists the network from the public API, and hides each placeholder once its widget is defined.
// Text goes in through textContent: catalogue and library data are never HTML.
const list = document.getElementById('libraries');
const kinds = {
  public: 'Umum',
  school: 'Sekolah',
  university: 'Perguruan tinggi',
  company: 'Perusahaan',
  'reading-corner': 'Pojok baca',
};

fetch('/v1/libraries?per_page=100')
  .then((response) => response.json())
  .then(({ items }) => {
    for (const library of items) {
      const item = document.createElement('li');
      const name = document.createElement('strong');
      name.textContent = library.name;
      const kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = kinds[library.kind] ?? library.kind;
      const address = document.createElement('span');
      address.className = 'address';
      address.textContent = `${library.address.street}, ${library.address.district ?? library.address.city}`;
      item.append(name, kind, address);
      list.append(item);
    }
  })
  .catch(() => {
    list.textContent = 'Daftar perpustakaan tidak dapat dimuat.';
  });

for (const slot of document.querySelectorAll('[data-widget]')) {
  customElements.whenDefined(slot.dataset.widget).then(() => slot.querySelector('.placeholder')?.remove());
}

// Demo mode hands out its site key (a site key is public; a real site writes its own in the markup): the form
// registers with it, and the counter counts this page's views with it (`site-key="pk_..." track`).
fetch('/demo-keys.json')
  .then((response) => (response.ok ? response.json() : {}))
  .then(({ site_key: siteKey }) => {
    if (!siteKey) return;
    for (const widget of document.querySelectorAll('pustaka-membership-form:not([site-key])')) {
      widget.setAttribute('site-key', siteKey);
    }
    const counter = document.querySelector('pustaka-visit-counter[data-track]');
    if (!counter) return;
    counter.setAttribute('site-key', siteKey);
    counter.setAttribute('track', '');
  })
  .catch(() => {});
