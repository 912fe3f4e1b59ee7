// Small page-wide helpers called from Blazor through JS interop.
window.oneArm = {
  // Marks the document once the interactive circuit has rendered, so styles and browser tests can rely on it.
  markCircuitUp() {
    document.documentElement.dataset.circuit = 'up';
  },
};

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
