// A state machine's graph as SVG, drawn from its Amazon States Language definition: one box per top-level state,
// in rows by distance from StartAt, arrows for Next, Default, Choices and (dashed) Catch. Each box is coloured by
// the state's status in the execution shown. Names go in as text nodes, never as markup.
const SVG = 'http://www.w3.org/2000/svg';
const BOX_WIDTH = 190;
const BOX_HEIGHT = 46;
const ROW = 86;
const GAP = 36;

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Where each state can go next: [target, kind] pairs; the end of the machine is the node "End". */
function exits(state) {
  const out = [];
  if (state.Next) out.push([state.Next, 'next']);
  if (state.Default) out.push([state.Default, 'next']);
  for (const choice of state.Choices || []) if (choice.Next) out.push([choice.Next, 'next']);
  for (const handler of state.Catch || []) if (handler.Next) out.push([handler.Next, 'catch']);
  if (state.End || state.Type === 'Succeed' || state.Type === 'Fail') out.push(['End', 'next']);
  return out;
}

function shorten(name) {
  return name.length > 24 ? `${name.slice(0, 23)}…` : name;
}

export function drawGraph(definition, statuses = {}) {
  const states = (definition && definition.States) || {};
  const depth = new Map([['Start', 0]]);
  const edges = [['Start', definition && definition.StartAt, 'next']];
  const queue = [];
  if (definition && definition.StartAt in states) {
    depth.set(definition.StartAt, 1);
    queue.push(definition.StartAt);
  }
  while (queue.length) {
    const name = queue.shift();
    for (const [target, kind] of exits(states[name] || {})) {
      edges.push([name, target, kind]);
      if (!depth.has(target) && (target in states || target === 'End')) {
        depth.set(target, depth.get(name) + 1);
        if (target !== 'End') queue.push(target);
      }
    }
  }
  // States nothing reaches still belong in the picture, below the rest.
  let lowest = Math.max(...depth.values());
  for (const name of Object.keys(states)) if (!depth.has(name)) depth.set(name, ++lowest);
  if (depth.has('End')) depth.set('End', Math.max(...depth.values()) + (depth.get('End') > lowest ? 0 : 1));

  const rows = [];
  for (const [name, row] of depth) (rows[row] = rows[row] || []).push(name);
  const widest = Math.max(...rows.filter(Boolean).map((r) => r.length));
  const width = widest * (BOX_WIDTH + GAP) + GAP + 60;
  const height = rows.length * ROW + 20;
  const place = new Map();
  rows.forEach((names, row) => {
    if (!names) return;
    const span = names.length * (BOX_WIDTH + GAP) - GAP;
    names.forEach((name, i) => place.set(name, { x: (width - span) / 2 + i * (BOX_WIDTH + GAP), y: 16 + row * ROW }));
  });

  const root = svg('svg', { class: 'graph', viewBox: `0 0 ${width} ${height}`, width, role: 'img',
    'aria-label': 'State machine graph' });
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7,
    orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', style: 'fill:#7b879a;stroke:none' }));
  const defs = svg('defs');
  defs.append(marker);
  root.append(defs);

  for (const [from, to, kind] of edges) {
    const a = place.get(from);
    const b = place.get(to);
    if (!a || !b) continue;
    const x1 = a.x + BOX_WIDTH / 2;
    const y1 = a.y + BOX_HEIGHT;
    const x2 = b.x + BOX_WIDTH / 2;
    const y2 = b.y;
    const d = y2 > y1
      ? `M${x1},${y1} C${x1},${y1 + 30} ${x2},${y2 - 30} ${x2},${y2}`
      : `M${a.x + BOX_WIDTH},${a.y + BOX_HEIGHT / 2} C${a.x + BOX_WIDTH + 60},${a.y} ${b.x + BOX_WIDTH + 60},${b.y + BOX_HEIGHT} ${b.x + BOX_WIDTH},${b.y + BOX_HEIGHT / 2}`;
    root.append(svg('path', { d, class: kind, 'marker-end': 'url(#arrow)' }));
  }
  for (const [name, at] of place) {
    const terminal = name === 'Start' || name === 'End';
    const status = terminal ? '' : statuses[name] || '';
    const group = svg('g', { class: `state ${status}`, transform: `translate(${at.x},${at.y})`, 'data-state': name });
    group.append(svg('title', {}, terminal ? name : `${name} (${(states[name] || {}).Type || '?'})${status ? `: ${status}` : ''}`));
    group.append(svg('rect', { width: BOX_WIDTH, height: BOX_HEIGHT, rx: terminal ? 23 : 6 }));
    group.append(svg('text', { x: BOX_WIDTH / 2, y: terminal ? 28 : 20, 'text-anchor': 'middle' }, shorten(name)));
    if (!terminal) {
      group.append(svg('text', { x: BOX_WIDTH / 2, y: 37, 'text-anchor': 'middle', class: 'kind' },
        `${(states[name] || {}).Type || ''}${status ? ` · ${status}` : ''}`));
    }
    root.append(group);
  }
  return root;
}
