// Small page-wide helpers called from Blazor through JS interop.
window.oneArm = {
  // Marks the document once the interactive circuit has rendered, so styles and browser tests can rely on it.
  markCircuitUp() {
    document.documentElement.dataset.circuit = 'up';
  },
};
