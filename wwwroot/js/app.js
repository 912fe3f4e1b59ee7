// Small page-wide helpers called from Blazor through JS interop.
window.oneArm = {
  // Marks the document once the interactive circuit has rendered, so styles and browser tests can rely on it.
  markCircuitUp() {
    document.documentElement.dataset.circuit = 'up';
  },
  // Remembers the chosen theme for a year in a cookie, which the server reads to render the next page in it.
  rememberTheme(cookie, theme) {
    document.cookie = `${cookie}=${theme}; path=/; max-age=31536000; samesite=lax`;
  },
};

// Presenter keys for the simulation player (playback.js): which keys, and whether a key press is meant for the
// player rather than for a field the person is typing in or a list they are choosing from. Keys pressed while the
// page is still starting, before the player's script is ready, are kept for it, so they work from page load.
(() => {
  const keys = new Set([' ', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'n', 'N', 'j', 'J', 'f', 'F', '+', '=', '-', '0', '1', '2', '3', '4']);
  const typing = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="listbox"], [role="dialog"], .mud-popover-open';
  window.oneArm.isPresenterKey = e => keys.has(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey
    && !(e.target instanceof Element && e.target.closest(typing));
  window.oneArm.earlyKeys = [];
  window.oneArm.keysRoot = null; // the element of the player whose script reads the keys, once it is ready
  document.addEventListener('keydown', e => {
    if (window.oneArm.keysRoot?.isConnected || !document.querySelector('[data-presenter-keys]') || !window.oneArm.isPresenterKey(e)) return;
    e.preventDefault();
    window.oneArm.earlyKeys.push({ key: e.key, shift: e.shiftKey });
  });
})();

// The designs this browser created or opened: their link tokens, newest first. There are no accounts, so the
// browser is where "my designs" lives; the server only ever sees the tokens the user already holds.
window.oneArmDesignHistory = (() => {
  const key = 'onearm.designs';
  const read = () => {
    try {
      const entries = JSON.parse(localStorage.getItem(key) ?? '[]');
      return Array.isArray(entries) ? entries.filter(e => typeof e?.token === 'string') : [];
    } catch {
      return [];
    }
  };
  const write = entries => localStorage.setItem(key, JSON.stringify(entries.slice(0, 200)));
  return {
    list: () => read(),
    remember(token) {
      write([{ token, openedAt: new Date().toISOString() }, ...read().filter(e => e.token !== token)]);
    },
    forget(token) {
      write(read().filter(e => e.token !== token));
    },
  };
})();

// Saves text as a file the user downloads (design documents, exported SVG).
window.oneArm.download = (fileName, mimeType, text) => {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const anchor = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

// Exports the canvas as a standalone picture. The SVG carries the canvas's own CSS rules and the device icons as
// data URIs (a file opened elsewhere cannot load our icons), and, when given, the design document in <metadata> so
// the picture can be imported again. PNG is the same SVG drawn onto a 2x bitmap.
window.oneArm.exportCanvas = async (selector, fileName, format, designJson) => {
  const source = document.querySelector(selector);
  if (!source) {
    return;
  }

  const clone = source.cloneNode(true);
  const box = source.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', Math.round(box.width));
  clone.setAttribute('height', Math.round(box.height));

  const rules = [];
  for (const sheet of document.styleSheets) {
    try {
      for (const rule of sheet.cssRules) {
        if (rule.cssText.includes('oad-')) {
          rules.push(rule.cssText);
        }
      }
    } catch {
      // A sheet from another origin cannot be read; ours are all same-origin.
    }
  }
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = rules.join('\n');
  clone.insertBefore(style, clone.firstChild);

  const icons = new Map();
  for (const image of clone.querySelectorAll('image')) {
    const href = image.getAttribute('href');
    if (!href || href.startsWith('data:')) {
      continue;
    }
    if (!icons.has(href)) {
      const text = await (await fetch(href)).text();
      icons.set(href, 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(text))));
    }
    image.setAttribute('href', icons.get(href));
  }

  if (designJson) {
    const metadata = document.createElementNS('http://www.w3.org/2000/svg', 'metadata');
    metadata.setAttribute('id', 'onearm-design');
    // A text node: HTML documents cannot create CDATA sections, and XMLSerializer escapes the text for us.
    metadata.appendChild(document.createTextNode(designJson));
    clone.insertBefore(metadata, clone.firstChild);
  }

  const svgText = new XMLSerializer().serializeToString(clone);
  if (format === 'svg') {
    window.oneArm.download(fileName, 'image/svg+xml', svgText);
    return;
  }

  const image = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  await new Promise((resolve, reject) => { image.onload = resolve; image.onerror = reject; image.src = url; });
  const canvas = Object.assign(document.createElement('canvas'), { width: box.width * 2, height: box.height * 2 });
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(url);
  const png = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
  const anchor = Object.assign(document.createElement('a'), { href: URL.createObjectURL(png), download: fileName });
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
};

// Palette items carry what they add in data-drag-payload; a drag hands it to the canvas in the diagram layer's own
// data type, so the canvas knows where it was dropped without knowing what a palette is.
document.addEventListener('dragstart', e => {
  const source = e.target instanceof Element ? e.target.closest('[data-drag-payload]') : null;
  if (!source || !e.dataTransfer) return;
  e.dataTransfer.setData('application/x-diagram-item', source.dataset.dragPayload);
  e.dataTransfer.effectAllowed = 'copy';
});
