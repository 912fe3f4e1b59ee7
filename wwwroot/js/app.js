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

// Exports the canvas as a standalone picture that looks like the canvas: every element carries the styles the browser
// computed for it (theme colours, strokes, label sizes; a file opened elsewhere has none of our stylesheets or their
// variables), the background is painted, the device icons travel as data URIs, and the design document rides along
// when given: in <metadata> for SVG, in an iTXt chunk for PNG, so either picture can be imported again. PNG is the
// same SVG drawn onto a 2x bitmap.
(() => {
  const STYLED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin',
    'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'paint-order',
    'vector-effect', 'visibility'];
  const DESIGN_KEY = 'onearm-design';

  const inlineStyles = (source, clone) => {
    const sources = [source, ...source.querySelectorAll('*')];
    const clones = [clone, ...clone.querySelectorAll('*')];
    sources.forEach((element, i) => {
      const target = clones[i];
      if (!target || element.namespaceURI !== 'http://www.w3.org/2000/svg' || ['defs', 'title', 'metadata'].includes(element.localName)) return;
      const computed = getComputedStyle(element);
      const style = STYLED.map(name => `${name}:${computed.getPropertyValue(name)}`);
      if (element.localName === 'circle') style.push(`r:${computed.getPropertyValue('r')}`);
      if (!element.hasAttribute('transform') && computed.transform !== 'none') style.push(`transform:${computed.transform}`);
      if (computed.display === 'none') style.push('display:none');
      target.setAttribute('style', style.join(';'));
    });
  };

  const crc32 = bytes => {
    let crc = -1;
    for (const byte of bytes) {
      crc ^= byte;
      for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
    }
    return (crc ^ -1) >>> 0;
  };

  /** The PNG with an iTXt chunk (keyword, UTF-8 text) inserted before its IEND chunk. */
  const withTextChunk = (png, keyword, text) => {
    const encoder = new TextEncoder();
    const data = new Uint8Array([...encoder.encode(keyword), 0, 0, 0, 0, 0, ...encoder.encode(text)]);
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set(encoder.encode('iTXt'), 4);
    chunk.set(data, 8);
    view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
    const iend = png.length - 12;
    return new Blob([png.subarray(0, iend), chunk, png.subarray(iend)], { type: 'image/png' });
  };

  const save = (fileName, blob) => {
    const anchor = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: fileName });
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(anchor.href), 1000);
  };

  window.oneArm.exportCanvas = async (selector, fileName, format, designJson) => {
    const source = document.querySelector(selector);
    if (!source) return;

    const svgNs = 'http://www.w3.org/2000/svg';
    const clone = source.cloneNode(true);
    const box = source.getBoundingClientRect();
    clone.setAttribute('xmlns', svgNs);
    clone.setAttribute('width', Math.round(box.width));
    clone.setAttribute('height', Math.round(box.height));
    inlineStyles(source, clone);
    clone.querySelector('.oad-preview')?.remove();

    const background = document.createElementNS(svgNs, 'rect');
    Object.entries({ width: '100%', height: '100%', fill: getComputedStyle(source).backgroundColor }).forEach(([k, v]) => background.setAttribute(k, v));
    clone.insertBefore(background, clone.firstChild);

    const icons = new Map();
    for (const image of clone.querySelectorAll('image')) {
      const href = image.getAttribute('href');
      if (!href || href.startsWith('data:')) continue;
      if (!icons.has(href)) {
        const text = await (await fetch(href)).text();
        icons.set(href, 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(text))));
      }
      image.setAttribute('href', icons.get(href));
    }

    if (designJson && format === 'svg') {
      const metadata = document.createElementNS(svgNs, 'metadata');
      metadata.setAttribute('id', DESIGN_KEY);
      // A text node: HTML documents cannot create CDATA sections, and XMLSerializer escapes the text for us.
      metadata.appendChild(document.createTextNode(designJson));
      clone.insertBefore(metadata, clone.firstChild);
    }

    const svgText = new XMLSerializer().serializeToString(clone);
    if (format === 'svg') {
      save(fileName, new Blob([svgText], { type: 'image/svg+xml' }));
      return;
    }

    const image = new Image();
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    await new Promise((resolve, reject) => { image.onload = resolve; image.onerror = reject; image.src = url; });
    const canvas = Object.assign(document.createElement('canvas'), { width: box.width * 2, height: box.height * 2 });
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(url);
    const png = new Uint8Array(await (await new Promise(resolve => canvas.toBlob(resolve, 'image/png'))).arrayBuffer());
    save(fileName, designJson ? withTextChunk(png, DESIGN_KEY, designJson) : new Blob([png], { type: 'image/png' }));
  };
})();

// Palette items carry what they add in data-drag-payload; a drag hands it to the canvas in the diagram layer's own
// data type, so the canvas knows where it was dropped without knowing what a palette is.
document.addEventListener('dragstart', e => {
  const source = e.target instanceof Element ? e.target.closest('[data-drag-payload]') : null;
  if (!source || !e.dataTransfer) return;
  e.dataTransfer.setData('application/x-diagram-item', source.dataset.dragPayload);
  e.dataTransfer.effectAllowed = 'copy';
});

// The text of a textarea as UTF-8 bytes, so Blazor reads a pasted configuration as a stream instead of one
// SignalR message (a running-config is far larger than a message may be).
window.oneArm.textBytes = id => new TextEncoder().encode(document.getElementById(id)?.value ?? '');

// Whether a textarea holds anything but blanks, asked before streaming it (an empty stream is not worth a round trip).
window.oneArm.hasText = id => (document.getElementById(id)?.value ?? '').trim().length > 0;

// Edits the server has not yet acknowledged, one design per key, so that an edit made just before the connection or
// the server goes away survives a reload: the design page offers it back. The server writes each edit here as it
// happens (the whole document, with the version it was based on) and removes it once a save of it is acknowledged.
window.oneArmDrafts = (() => {
  const key = token => 'onearm.draft.' + token;
  const read = token => {
    try {
      const draft = JSON.parse(localStorage.getItem(key(token)) ?? 'null');
      return draft && typeof draft.document === 'string' && Number.isInteger(draft.seq) ? draft : null;
    } catch {
      return null;
    }
  };
  return {
    read,
    keep(token, draft) {
      try {
        localStorage.setItem(key(token), JSON.stringify({ ...draft, keptAt: new Date().toISOString() }));
      } catch {
        // Storage full or refused (private mode): the edit is still on the server, only not kept here too.
      }
    },
    // A save of everything up to edit `seq` has been acknowledged: a draft no newer than that is no longer needed.
    acknowledge(token, seq) {
      const draft = read(token);
      if (draft && draft.seq <= seq) {
        localStorage.removeItem(key(token));
      }
    },
    discard(token) {
      localStorage.removeItem(key(token));
    },
  };
})();
