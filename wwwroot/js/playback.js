// playback.js: the browser half of the simulation player (Components/Playback).
//
// - The packet glides: a marker Blazor renders with data-path (diagram points "x,y x,y ...") and data-duration (ms)
//   is moved along that path here, one animation frame at a time, so the server sends one render per step and never
//   one per frame. Blazor renders the marker at the path's end, where the glide leaves it.
// - Presenter keys work from page load and after any click: they are read on the document, not on a focused element,
//   except while the person is typing in a field or choosing from a list (window.oneArm.isPresenterKey, app.js).
//   Space, arrows, Home and End never reach the browser's own handling (scrolling the page, pressing the focused
//   button). Keys pressed before this script was ready (app.js keeps them) are played first, and every key is sent
//   after the one before it has been handled, in order.
// - The event list follows the current step: the selected row is scrolled into view inside its own list, never by
//   scrolling the page.
// - F toggles presenter mode: full screen for the player, when the browser allows it (unless the page asks otherwise).

/** Starts the player's browser side on its root element; returns an object whose dispose() stops it. */
export function attach(root, dotnet, options) {
  return new PlayerScript(root, dotnet, options ?? {});
}

class PlayerScript {
  constructor(root, dotnet, options) {
    this.root = root;
    this.dotnet = dotnet;
    this.selectedRow = null;
    this.keys = Promise.resolve();
    this.observer = new MutationObserver(records => this.onMutations(records));
    this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'data-path'] });
    this.listeners = [];
    this.fullscreenKey = options.fullscreenKey !== false;
    if (options.keys !== false) {
      this.listen(document, 'keydown', e => this.onKeyDown(e));
      this.listen(document, 'keyup', e => this.onKeyUp(e));
      for (const early of window.oneArm.earlyKeys.splice(0)) this.send(early.key, early.shift);
      window.oneArm.keysRoot = root;
    }
    this.listen(document, 'fullscreenchange', () => this.onFullscreenChange());
    this.revealSelectedRow();
  }

  dispose() {
    this.disposed = true;
    if (window.oneArm.keysRoot === this.root) window.oneArm.keysRoot = null;
    this.observer.disconnect();
    for (const [target, type, handler] of this.listeners) target.removeEventListener(type, handler);
    this.listeners = [];
    if (document.fullscreenElement === this.root) document.exitFullscreen().catch(() => {});
  }

  // A call sent just before the player went away fails on the server because its .NET object is gone: expected then,
  // even when the failure arrives before the server's dispose() does.
  failed(error) {
    if (!this.disposed && !String(error?.message ?? error).includes('There is no tracked object with id')) console.error('playback:', error);
  }

  listen(target, type, handler) {
    target.addEventListener(type, handler);
    this.listeners.push([target, type, handler]);
  }

  // --- keys ---------------------------------------------------------------------------------------------------

  onKeyDown(e) {
    if (!this.root.isConnected || !window.oneArm.isPresenterKey(e)) return;
    // Where the page gives F a meaning of its own (a follower rejoining the class), the player leaves it alone.
    if ((e.key === 'f' || e.key === 'F') && !this.fullscreenKey) return;
    e.preventDefault();
    this.swallowKeyUp = e.key === ' ';
    if (e.key === 'f' || e.key === 'F') this.toggleFullscreen();
    this.send(e.key, e.shiftKey);
  }

  send(key, shift) {
    this.keys = this.keys
      .then(() => this.dotnet.invokeMethodAsync('OnPresenterKey', key, shift))
      .catch(error => this.failed(error));
  }

  // A focused button is pressed by Space on key-up; the key-down already did what Space means here.
  onKeyUp(e) {
    if (e.key === ' ' && this.swallowKeyUp) {
      e.preventDefault();
      this.swallowKeyUp = false;
    }
  }

  toggleFullscreen() {
    if (!document.fullscreenEnabled) return;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else this.root.requestFullscreen?.().catch(() => {});
  }

  onFullscreenChange() {
    if (!document.fullscreenElement && this.root.classList.contains('presenter')) {
      this.dotnet.invokeMethodAsync('OnFullscreenLeft').catch(error => this.failed(error));
    }
  }

  // --- what Blazor rendered -------------------------------------------------------------------------------------

  onMutations(records) {
    for (const record of records) {
      const added = record.type === 'childList' ? [...record.addedNodes] : [record.target];
      for (const node of added) {
        if (!(node instanceof Element)) continue;
        const markers = node.matches('.packet-marker[data-path]') ? [node] : node.querySelectorAll('.packet-marker[data-path]');
        for (const marker of markers) glide(marker);
      }
    }
    this.revealSelectedRow();
  }

  revealSelectedRow() {
    const row = this.root.querySelector('.event-row.selected');
    if (!row || row === this.selectedRow) return;
    this.selectedRow = row;
    const list = row.closest('.event-rows');
    if (!list) return;
    const top = row.offsetTop - list.offsetTop;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + row.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = top + row.offsetHeight - list.clientHeight;
  }
}

/** Moves a marker along its path over its duration, easing in and out; at once if the person prefers less motion. */
function glide(marker) {
  const points = (marker.dataset.path ?? '').trim().split(/\s+/).map(pair => pair.split(',').map(Number));
  const duration = Number(marker.dataset.duration ?? 0);
  if (points.length < 2 || !(duration > 0) || matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  const lengths = points.slice(1).map((p, i) => Math.hypot(p[0] - points[i][0], p[1] - points[i][1]));
  const total = lengths.reduce((a, b) => a + b, 0);
  if (total === 0) return;
  const token = {};
  marker.glide = token;
  const pointAt = fraction => {
    let distance = fraction * total;
    for (let i = 0; i < lengths.length; i++) {
      if (distance <= lengths[i] || i === lengths.length - 1) {
        const t = lengths[i] === 0 ? 1 : Math.min(1, distance / lengths[i]);
        return [points[i][0] + (points[i + 1][0] - points[i][0]) * t, points[i][1] + (points[i + 1][1] - points[i][1]) * t];
      }
      distance -= lengths[i];
    }
    return points[points.length - 1];
  };
  const place = fraction => {
    const [x, y] = pointAt(fraction);
    marker.setAttribute('transform', `translate(${x} ${y})`);
  };
  const start = performance.now();
  place(0);
  const frame = now => {
    if (marker.glide !== token || !marker.isConnected) return;
    const linear = Math.min(1, (now - start) / duration);
    place(linear < 0.5 ? 2 * linear * linear : 1 - Math.pow(-2 * linear + 2, 2) / 2);
    if (linear < 1) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
