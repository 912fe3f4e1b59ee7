// diagramCanvas.js: the browser half of DiagramCanvas (OneArmDesigner.Canvas.Blazor).
//
// Contract with .NET (DiagramCanvasInterop):
//   press   -> PointerDown(hit, x, y, button, modifiers) returns what to preview: move | pan | band | link | none
//   moves   -> never sent; this module previews them locally under pointer capture
//   release -> PointerUp(hit, x, y, modifiers) returns the authoritative viewport and node positions,
//              which are written over the preview (so the DOM is right whichever arrives first: this answer
//              or Blazor's render of the same change)
//   Escape, pointercancel, lost capture -> PointerCancel(); the preview is undone here
//   wheel   -> Wheel(x, y, deltaY, modifiers), accumulated, at most one call in flight
//   size    -> Resize(width, height) on attach and on every change; dblclick -> DoubleClick(hit, x, y, modifiers)
//   drop    -> Drop(payload, x, y) for an HTML drag whose source set the DROP_TYPE data (a palette item, say)
//   pinch   -> two fingers down: the gesture in progress is cancelled and the zoom is previewed here; when a finger
//              lifts, Pinch(startX, startY, scale, dx, dy) commits it and returns the authoritative viewport
//   minimap -> a press or drag on [data-minimap] calls CenterOn(x, y) in diagram units, one call in flight
// Points are pixels relative to the svg's top-left corner. Hits come from data-node-id / data-port / data-link-id.
// Keys go to .NET through Blazor's @onkeydown; here we only stop the browser's own handling of shortcut keys.

const SVG_NS = 'http://www.w3.org/2000/svg';
const PLAIN_KEYS = new Set(['Delete', 'Backspace', 'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);
const COMMAND_KEYS = new Set(['a', 'c', 'v', 'x', 'y', 'z']);
/** The data type a drag source outside the canvas sets for its payload, e.g. dataTransfer.setData(DROP_TYPE, 'router'). */
export const DROP_TYPE = 'application/x-diagram-item';

/** Starts handling input on the canvas svg; returns an object whose dispose() stops it. */
export function attach(svg, dotnet) {
  return new CanvasInput(svg, dotnet);
}

class CanvasInput {
  constructor(svg, dotnet) {
    this.svg = svg;
    this.dotnet = dotnet;
    this.gesture = null;
    this.pointers = new Map(); // every finger on the canvas, for pinching
    this.pinch = null;
    this.minimap = null;
    this.wheel = { delta: 0, x: 0, y: 0, modifiers: 0, busy: false };
    this.sizeFrame = 0;
    this.listeners = [];
    this.listen('pointerdown', e => this.onPointerDown(e));
    this.listen('pointermove', e => this.onPointerMove(e));
    this.listen('pointerup', e => this.onPointerUp(e));
    this.listen('pointercancel', e => this.onLostPointer(e));
    this.listen('lostpointercapture', e => this.onLostPointer(e));
    this.listen('wheel', e => this.onWheel(e), { passive: false });
    this.listen('keydown', e => this.onKeyDown(e));
    this.listen('dblclick', e => this.onDoubleClick(e));
    this.listen('dragover', e => this.onDragOver(e));
    this.listen('drop', e => this.onDrop(e));
    this.resizeObserver = new ResizeObserver(() => this.reportSize());
    this.resizeObserver.observe(svg);
    svg.dataset.attached = ''; // input is handled from here on (browser tests wait for it)
  }

  dispose() {
    this.disposed = true;
    delete this.svg.dataset.attached;
    for (const [type, handler, options] of this.listeners) this.svg.removeEventListener(type, handler, options);
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.sizeFrame);
    this.gesture?.preview?.revert();
    this.gesture = null;
  }

  // A call sent just before the component went away (a resize as its tab closes) fails on the server because its
  // .NET object is gone; that is expected then, not an error worth reporting. The failure can arrive before the
  // server's dispose() does, so an object the server no longer tracks counts as gone too.
  failed(error) {
    if (!this.disposed && !isGone(error)) console.error('diagramCanvas:', error);
  }

  listen(type, handler, options) {
    this.svg.addEventListener(type, handler, options);
    this.listeners.push([type, handler, options]);
  }

  // --- pointer gestures ---------------------------------------------------------------------------------

  onPointerDown(e) {
    if (e.pointerType === 'touch') this.pointers.set(e.pointerId, this.local(e));
    if (this.pointers.size === 2 && !this.pinch && !this.minimap) return this.startPinch(e);
    const minimap = e.target instanceof Element ? e.target.closest('[data-minimap]') : null;
    if (minimap && e.button === 0 && !this.gesture) return this.startMinimap(e, minimap);
    if ((e.button !== 0 && e.button !== 1) || this.gesture || this.pinch) return; // the secondary button is left to the page
    e.preventDefault(); // no text selection, no middle-button autoscroll; so focus explicitly
    this.svg.focus({ preventScroll: true });
    this.svg.setPointerCapture(e.pointerId);
    const start = this.local(e);
    const gesture = { pointerId: e.pointerId, start, last: start, client: e, preview: null, frame: 0 };
    this.gesture = gesture;
    gesture.ready = this.dotnet
      .invokeMethodAsync('PointerDown', this.hitAt(e.target), start.x, start.y, e.button, modifiers(e))
      .then(answer => {
        gesture.preview = createPreview(this.svg, answer, start);
        if (gesture.preview) this.svg.dataset.gesture = answer.kind;
        if (this.gesture === gesture) this.schedule(gesture);
      });
  }

  onPointerMove(e) {
    if (this.pointers.has(e.pointerId)) this.pointers.set(e.pointerId, this.local(e));
    if (this.pinch) return this.schedulePinch();
    if (this.minimap?.pointerId === e.pointerId) return this.centreFromMinimap(e);
    const gesture = this.gesture;
    if (!gesture || e.pointerId !== gesture.pointerId) return;
    gesture.last = this.local(e);
    gesture.client = e;
    this.schedule(gesture);
  }

  onPointerUp(e) {
    this.pointers.delete(e.pointerId);
    if (this.pinch) return this.endPinch();
    if (this.minimap?.pointerId === e.pointerId) return this.endMinimap();
    const gesture = this.gesture;
    if (!gesture || e.pointerId !== gesture.pointerId) return;
    this.gesture = null;
    const end = this.local(e);
    const hit = this.hitAt(document.elementFromPoint(e.clientX, e.clientY));
    this.settle(gesture, async () => {
      gesture.preview?.update(end, e);
      const result = await this.dotnet.invokeMethodAsync('PointerUp', hit, end.x, end.y, modifiers(e));
      gesture.preview?.finish(result);
    });
  }

  onLostPointer(e) {
    this.pointers.delete(e.pointerId);
    if (this.pinch && this.pinch.ids.includes(e.pointerId)) return this.endPinch();
    if (this.minimap?.pointerId === e.pointerId) return this.endMinimap();
    if (this.gesture && e.pointerId === this.gesture.pointerId) this.cancel();
  }

  // --- two-finger pinch ---------------------------------------------------------------------------------------

  startPinch(e) {
    e.preventDefault();
    if (this.gesture) this.cancel();
    const ids = [...this.pointers.keys()];
    for (const id of ids) if (!this.svg.hasPointerCapture(id)) this.svg.setPointerCapture(id);
    const [a, b] = ids.map(id => this.pointers.get(id));
    this.pinch = {
      ids,
      startCentre: lerp(a, b, 0.5),
      startDistance: Math.max(1, Math.hypot(b.x - a.x, b.y - a.y)),
      preview: zoomPreview(this.svg),
      frame: 0,
      scale: 1,
      moved: { x: 0, y: 0 },
    };
    this.svg.dataset.gesture = 'pinch';
  }

  schedulePinch() {
    const pinch = this.pinch;
    if (pinch.frame) return;
    pinch.frame = requestAnimationFrame(() => {
      pinch.frame = 0;
      if (this.pinch !== pinch) return;
      const [a, b] = pinch.ids.map(id => this.pointers.get(id));
      if (!a || !b) return;
      const centre = lerp(a, b, 0.5);
      pinch.scale = Math.hypot(b.x - a.x, b.y - a.y) / pinch.startDistance;
      pinch.moved = { x: centre.x - pinch.startCentre.x, y: centre.y - pinch.startCentre.y };
      pinch.preview.update(pinch.startCentre, pinch.scale, pinch.moved);
    });
  }

  endPinch() {
    const pinch = this.pinch;
    this.pinch = null;
    cancelAnimationFrame(pinch.frame);
    for (const id of pinch.ids) if (this.svg.hasPointerCapture(id)) this.svg.releasePointerCapture(id);
    delete this.svg.dataset.gesture;
    this.dotnet.invokeMethodAsync('Pinch', pinch.startCentre.x, pinch.startCentre.y, pinch.scale, pinch.moved.x, pinch.moved.y)
      .then(viewport => pinch.preview.finish(viewport))
      .catch(error => {
        pinch.preview.revert();
        this.failed(error);
      });
  }

  // --- the minimap ----------------------------------------------------------------------------------------------

  startMinimap(e, element) {
    e.preventDefault();
    this.svg.setPointerCapture(e.pointerId);
    this.minimap = { pointerId: e.pointerId, element, busy: false, next: null };
    this.centreFromMinimap(e);
  }

  /** Centres the view on the minimap point under the pointer; moves made while a call is in flight keep only the last. */
  centreFromMinimap(e) {
    const minimap = this.minimap;
    const point = Object.assign(minimap.element.createSVGPoint(), { x: e.clientX, y: e.clientY })
      .matrixTransform(minimap.element.getScreenCTM().inverse());
    minimap.next = point;
    if (minimap.busy) return;
    minimap.busy = true;
    const send = () => {
      const target = minimap.next;
      minimap.next = null;
      this.dotnet.invokeMethodAsync('CenterOn', target.x, target.y)
        .catch(error => this.failed(error))
        .finally(() => { if (minimap.next) send(); else minimap.busy = false; });
    };
    send();
  }

  endMinimap() {
    if (this.svg.hasPointerCapture(this.minimap.pointerId)) this.svg.releasePointerCapture(this.minimap.pointerId);
    this.minimap = null;
  }

  cancel() {
    const gesture = this.gesture;
    this.gesture = null;
    this.settle(gesture, async () => {
      gesture.preview?.revert();
      await this.dotnet.invokeMethodAsync('PointerCancel');
    });
  }

  /** Ends a gesture once its press has been answered; on any failure, undoes the preview. */
  settle(gesture, finish) {
    cancelAnimationFrame(gesture.frame);
    if (this.svg.hasPointerCapture(gesture.pointerId)) this.svg.releasePointerCapture(gesture.pointerId);
    gesture.ready
      .then(finish)
      .catch(error => {
        gesture.preview?.revert();
        this.failed(error);
      })
      .finally(() => {
        gesture.preview?.dispose();
        if (!this.gesture) delete this.svg.dataset.gesture;
      });
  }

  /** Coalesces moves to one preview update per animation frame. */
  schedule(gesture) {
    if (gesture.frame || !gesture.preview) return;
    gesture.frame = requestAnimationFrame(() => {
      gesture.frame = 0;
      if (this.gesture === gesture) gesture.preview.update(gesture.last, gesture.client);
    });
  }

  // --- wheel, keys, size, double click ------------------------------------------------------------------

  onWheel(e) {
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.svg.getBoundingClientRect().height : 1;
    const point = this.local(e);
    Object.assign(this.wheel, { x: point.x, y: point.y, modifiers: modifiers(e) });
    this.wheel.delta += e.deltaY * unit;
    if (!this.wheel.busy) this.sendWheel();
  }

  /** Sends what the wheel turned since the last call; turns during a call are summed into the next one. */
  async sendWheel() {
    const wheel = this.wheel;
    wheel.busy = true;
    try {
      while (wheel.delta !== 0) {
        const delta = wheel.delta;
        wheel.delta = 0;
        await this.dotnet.invokeMethodAsync('Wheel', wheel.x, wheel.y, delta, wheel.modifiers);
      }
    } catch (error) {
      wheel.delta = 0;
      this.failed(error);
    } finally {
      wheel.busy = false;
    }
  }

  onKeyDown(e) {
    if (e.key === 'Escape' && this.gesture) {
      e.preventDefault();
      e.stopPropagation(); // the cancel goes to .NET as PointerCancel, not as a key
      this.cancel();
      return;
    }
    const command = e.ctrlKey || e.metaKey;
    if (command ? COMMAND_KEYS.has(e.key.toLowerCase()) : PLAIN_KEYS.has(e.key)) e.preventDefault();
  }

  onDoubleClick(e) {
    const point = this.local(e);
    const hit = this.hitAt(document.elementFromPoint(e.clientX, e.clientY));
    this.dotnet.invokeMethodAsync('DoubleClick', hit, point.x, point.y, modifiers(e))
      .catch(error => this.failed(error));
  }

  // --- items dragged in from outside ------------------------------------------------------------------------

  onDragOver(e) {
    if (!e.dataTransfer?.types.includes(DROP_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }

  onDrop(e) {
    const payload = e.dataTransfer?.getData(DROP_TYPE);
    if (!payload) return;
    e.preventDefault();
    const point = this.local(e);
    this.dotnet.invokeMethodAsync('Drop', payload, point.x, point.y)
      .catch(error => this.failed(error));
  }

  reportSize() {
    cancelAnimationFrame(this.sizeFrame);
    this.sizeFrame = requestAnimationFrame(() => {
      const box = this.svg.getBoundingClientRect();
      this.dotnet.invokeMethodAsync('Resize', box.width, box.height)
        .catch(error => this.failed(error));
    });
  }

  // --- helpers ----------------------------------------------------------------------------------------------

  local(e) {
    const box = this.svg.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  }

  /** What an element belongs to: a port, a node or a link of this canvas; null for the background. */
  hitAt(element) {
    if (!element || !this.svg.contains(element)) return null;
    const port = element.closest('[data-port]');
    const node = element.closest('[data-node-id]');
    if (port && node) return { kind: 'port', id: node.dataset.nodeId, port: port.dataset.port };
    if (node) return { kind: 'node', id: node.dataset.nodeId };
    const link = element.closest('[data-link-id]');
    return link ? { kind: 'link', id: link.dataset.linkId } : null;
  }
}

function modifiers(e) {
  return (e.shiftKey ? 1 : 0) | (e.ctrlKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
}

// --- previews: each has update(point, pointerEvent), finish(result), revert() and dispose() ---------------

function createPreview(svg, answer, start) {
  switch (answer.kind) {
    case 'move': return movePreview(svg, answer, start);
    case 'pan': return panPreview(svg, answer, start);
    case 'band': return bandPreview(svg, answer, start);
    case 'link': return linkPreview(svg, answer);
    default: return null;
  }
}

/**
 * Moves the dragged nodes' <g> transforms and redraws the links that touch them. A link's labels keep where the
 * label layout put them relative to their own end (the middle one relative to both), until the release is answered
 * and the layout is redone for the new positions.
 */
function movePreview(svg, answer, start) {
  const moving = new Map();
  for (const id of answer.nodes) {
    const element = nodeElement(svg, id);
    if (element) moving.set(id, { element, x: Number(element.dataset.x), y: Number(element.dataset.y) });
  }
  const links = [...svg.querySelectorAll('[data-link-id]')]
    .filter(link => moving.has(link.dataset.source) || moving.has(link.dataset.target))
    .map(element => ({ element, labels: linkLabels(element), ends: lineEnds(element) }));
  const zoom = answer.viewport.zoom;

  const place = positionOf => {
    const shifts = new Map();
    for (const [id, node] of moving) {
      const p = positionOf(id, node);
      node.element.setAttribute('transform', `translate(${p.x} ${p.y})`);
      shifts.set(id, { x: p.x - node.x, y: p.y - node.y });
    }
    const boxOf = (id, end) => {
      const node = moving.get(id);
      if (node) return { ...box(node.element), ...positionOf(id, node) };
      // A node far outside the view of a large diagram is not drawn: its end of the line stays where it is.
      const element = nodeElement(svg, id);
      return element ? box(element) : { ...end, w: 0, h: 0 };
    };
    const none = { x: 0, y: 0 };
    for (const link of links) {
      const { source, target } = link.element.dataset;
      drawLink(link.element, boxOf(source, link.ends.source), boxOf(target, link.ends.target));
      shiftLabels(link.labels, shifts.get(source) ?? none, shifts.get(target) ?? none);
    }
  };

  return {
    update(point) {
      const dx = point.x - start.x, dy = point.y - start.y;
      if (Math.hypot(dx, dy) <= answer.threshold) return place((id, node) => node);
      place((id, node) => ({ x: node.x + dx / zoom, y: node.y + dy / zoom }));
    },
    finish(result) {
      const final = new Map(result.nodes.map(n => [n.id, n]));
      place((id, node) => final.get(id) ?? node);
    },
    revert() { place((id, node) => node); },
    dispose() {},
  };
}

/** Writes a viewport onto the viewport transform and the grid pattern. */
function viewportWriter(svg) {
  const viewport = svg.querySelector('.oad-viewport');
  const grid = svg.querySelector('.oad-grid-pattern');
  return (x, y, zoom) => {
    viewport.setAttribute('transform', `translate(${x} ${y}) scale(${zoom})`);
    grid?.setAttribute('x', x);
    grid?.setAttribute('y', y);
  };
}

/** Zooms the viewport about a pinch's starting centre and follows the centre as it moves. */
function zoomPreview(svg) {
  const [, x, y, zoom] = (svg.querySelector('.oad-viewport').getAttribute('transform') ?? '')
    .match(/translate\(([-\d.e]+) ([-\d.e]+)\) scale\(([-\d.e]+)\)/)?.map(Number) ?? [0, 0, 0, 1];
  const apply = viewportWriter(svg);
  return {
    update(centre, scale, moved) {
      apply(centre.x - (centre.x - x) * scale + moved.x, centre.y - (centre.y - y) * scale + moved.y, zoom * scale);
    },
    finish(v) { apply(v.x, v.y, v.zoom); },
    revert() { apply(x, y, zoom); },
  };
}

/** Moves the viewport transform and the grid pattern. */
function panPreview(svg, answer, start) {
  const v = answer.viewport;
  const apply = viewportWriter(svg);
  return {
    update(point) { apply(v.x + point.x - start.x, v.y + point.y - start.y, v.zoom); },
    finish(result) { apply(result.viewport.x, result.viewport.y, result.viewport.zoom); },
    revert() { apply(v.x, v.y, v.zoom); },
    dispose() {},
  };
}

/** Draws the selection rectangle in the preview layer, in diagram coordinates. */
function bandPreview(svg, answer, start) {
  const rect = previewElement(svg, 'rect', 'oad-band');
  const from = toDiagram(answer.viewport, start);
  return {
    update(point) {
      const to = toDiagram(answer.viewport, point);
      setAttributes(rect, {
        x: Math.min(from.x, to.x), y: Math.min(from.y, to.y),
        width: Math.abs(to.x - from.x), height: Math.abs(to.y - from.y),
      });
    },
    finish() {},
    revert() {},
    dispose() { rect.remove(); },
  };
}

/** Draws a rubber line from the source node to the pointer and marks the node under the pointer. */
function linkPreview(svg, answer) {
  const line = previewElement(svg, 'line', 'oad-rubber-link');
  const source = box(nodeElement(svg, answer.source));
  let marked = null;
  const mark = node => {
    if (node === marked) return;
    marked?.classList.remove('oad-link-target');
    node?.classList.add('oad-link-target');
    marked = node;
  };
  return {
    update(point, pointerEvent) {
      const to = toDiagram(answer.viewport, point);
      const from = answer.port ? portPoint(source, answer.port) : boundaryPoint(source, to);
      setAttributes(line, { x1: from.x, y1: from.y, x2: to.x, y2: to.y });
      const under = document.elementFromPoint(pointerEvent.clientX, pointerEvent.clientY);
      const node = under && svg.contains(under) ? under.closest('[data-node-id]') : null;
      mark(node && node.dataset.nodeId !== answer.source ? node : null);
    },
    finish() {},
    revert() {},
    dispose() { mark(null); line.remove(); },
  };
}

// --- geometry: mirrors OneArmDesigner.Canvas.Geometry.LinkGeometry -------------------------------------------

/** Redraws a link's lines between two node boxes. */
function drawLink(link, source, target) {
  const sourcePort = link.dataset.sourcePort, targetPort = link.dataset.targetPort;
  const sourceRef = sourcePort ? portPoint(source, sourcePort) : centre(source);
  const targetRef = targetPort ? portPoint(target, targetPort) : centre(target);
  const start = sourcePort ? sourceRef : boundaryPoint(source, targetRef);
  const end = targetPort ? targetRef : boundaryPoint(target, sourceRef);
  for (const line of link.querySelectorAll('line')) {
    setAttributes(line, { x1: start.x, y1: start.y, x2: end.x, y2: end.y });
  }
}

/** Where a link's line starts and ends now. */
function lineEnds(link) {
  const line = link.querySelector('.oad-link-line');
  const at = (x, y) => ({ x: Number(line?.getAttribute(x) ?? 0), y: Number(line?.getAttribute(y) ?? 0) });
  return { source: at('x1', 'y1'), target: at('x2', 'y2') };
}

/** A link's labels with where the layout put them: each follows its own end, the middle one both ends' average. */
function linkLabels(link) {
  return [...link.querySelectorAll('.oad-link-label')].map(label => ({
    label,
    x: Number(label.getAttribute('x')),
    y: Number(label.getAttribute('y')),
    role: ['source', 'target'].find(role => label.classList.contains(`oad-link-label-${role}`)) ?? 'middle',
  }));
}

function shiftLabels(labels, source, target) {
  for (const { label, x, y, role } of labels) {
    const shift = role === 'source' ? source : role === 'target' ? target : lerp(source, target, 0.5);
    setAttributes(label, { x: x + shift.x, y: y + shift.y });
  }
}

function centre(b) {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}

function portPoint(b, side) {
  switch (side) {
    case 'top': return { x: b.x + b.w / 2, y: b.y };
    case 'right': return { x: b.x + b.w, y: b.y + b.h / 2 };
    case 'bottom': return { x: b.x + b.w / 2, y: b.y + b.h };
    default: return { x: b.x, y: b.y + b.h / 2 };
  }
}

function boundaryPoint(b, toward) {
  const c = centre(b);
  const dx = toward.x - c.x, dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(dx === 0 ? Infinity : b.w / 2 / Math.abs(dx), dy === 0 ? Infinity : b.h / 2 / Math.abs(dy));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

function lerp(a, b, t) {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

function toDiagram(v, p) {
  return { x: (p.x - v.x) / v.zoom, y: (p.y - v.y) / v.zoom };
}

// --- DOM helpers --------------------------------------------------------------------------------------------------

function nodeElement(svg, id) {
  return svg.querySelector(`[data-node-id="${CSS.escape(id)}"]`);
}

/** A node's box from the data attributes NodeView renders. */
function box(element) {
  const d = element?.dataset ?? {};
  return { x: Number(d.x ?? 0), y: Number(d.y ?? 0), w: Number(d.w ?? 0), h: Number(d.h ?? 0) };
}

function previewElement(svg, tag, className) {
  const element = document.createElementNS(SVG_NS, tag);
  element.setAttribute('class', className);
  svg.querySelector('.oad-preview').appendChild(element);
  return element;
}

function setAttributes(element, values) {
  for (const [name, value] of Object.entries(values)) element.setAttribute(name, value);
}

// Blazor's answer to a call on a DotNetObjectReference that has been disposed on the server.
function isGone(error) {
  return String(error?.message ?? error).includes('There is no tracked object with id');
}
