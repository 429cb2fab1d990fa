// The viewer of `linkgraph export --format html`: reads the graph from
// #graph-data, lays it out, draws it with sigma.js and wires the search, the
// filters and the details panel. Page data reaches the document only as text
// (textContent, attribute values), never as markup.
(function() {
'use strict';

const data = JSON.parse(document.getElementById('graph-data').textContent);
const byId = (id) => document.getElementById(id);
const kColourOfOther = '#000000';
const kDimmed = '#dddddd';
const colours = new Map(data.kinds.map((style) => [style.kind, style.colour]));

const graph = new graphology.MultiDirectedGraph();
for (const node of data.nodes) {
  graph.addNode(node.id, {
    label: node.label || node.id,
    size: Math.min(16, 4 + 2 * Math.sqrt(node.degree || 0)),
    color: '#555555',
    x: 0,
    y: 0,
    person: node,
  });
}
for (const edge of data.edges) {
  graph.addEdgeWithKey(edge.id, edge.from, edge.to, {
    color: colours.get(edge.kind) || kColourOfOther,
    size: 1.5 + Math.min(4, Math.log2(edge.weight || 1)),
    edge: edge,
  });
}

// Fruchterman and Reingold's force-directed layout, with repulsion only
// between nearby nodes (a grid of cells two ideal lengths wide), so a
// graph of many thousand people lays out in a moment. Deterministic: the
// same data gives the same drawing.
function layOut() {
  const ids = graph.nodes();
  const n = ids.length;
  if (n === 0) return;
  const index = new Map(ids.map((id, i) => [id, i]));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {  // a sunflower spiral: spread out, no two alike
    const radius = Math.sqrt(i + 0.5);
    x[i] = radius * Math.cos(i * 2.39996);
    y[i] = radius * Math.sin(i * 2.39996);
  }
  const links = [];
  graph.forEachEdge((edge, attributes, source, target) => {
    if (source !== target) links.push([index.get(source), index.get(target)]);
  });
  const cell = 2;  // two ideal edge lengths (1)
  const iterations = n > 20000 ? 60 : n > 5000 ? 120 : 250;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const start = 1 + Math.sqrt(n) / 10;
  for (let step = 0; step < iterations; step++) {
    dx.fill(0);
    dy.fill(0);
    const grid = new Map();
    for (let i = 0; i < n; i++) {
      const key = Math.floor(x[i] / cell) * 1e6 + Math.floor(y[i] / cell);
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key).push(i);
    }
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(x[i] / cell);
      const cy = Math.floor(y[i] / cell);
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          const bucket = grid.get((cx + ox) * 1e6 + cy + oy);
          if (!bucket) continue;
          for (const j of bucket) {
            if (j <= i) continue;
            const ddx = x[i] - x[j];
            const ddy = y[i] - y[j];
            const d2 = Math.max(ddx * ddx + ddy * ddy, 1e-4);
            if (d2 > cell * cell) continue;
            dx[i] += ddx / d2;
            dy[i] += ddy / d2;
            dx[j] -= ddx / d2;
            dy[j] -= ddy / d2;
          }
        }
      }
    }
    for (const [s, t] of links) {
      const ddx = x[s] - x[t];
      const ddy = y[s] - y[t];
      const d = Math.sqrt(ddx * ddx + ddy * ddy);
      dx[s] -= ddx * d;
      dy[s] -= ddy * d;
      dx[t] += ddx * d;
      dy[t] += ddy * d;
    }
    const temperature = start * (1 - step / iterations) + 0.01;
    for (let i = 0; i < n; i++) {
      dx[i] -= x[i] * 0.02;  // gravity: loose people and small groups stay near
      dy[i] -= y[i] * 0.02;
      const length = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (length === 0) continue;
      const move = Math.min(length, temperature) / length;
      x[i] += dx[i] * move;
      y[i] += dy[i] * move;
    }
  }
  ids.forEach((id, i) => graph.mergeNodeAttributes(id, {x: x[i], y: y[i]}));
}

// What the reader chose: kinds shown, date range, search, selection.
const state = {
  kinds: new Set(),
  from: '',
  to: '',
  matches: new Set(),
  node: null,
  edge: null,
};

function edgeShown(edge) {
  if (!state.kinds.has(edge.kind)) return false;
  if (!state.from && !state.to) return true;
  if (!edge.start) return false;
  if (state.from && edge.end < state.from) return false;
  if (state.to && edge.start > state.to) return false;
  return true;
}

function nodeReducer(node, attributes) {
  const shown = Object.assign({}, attributes);
  if (state.matches.size > 0 && !state.matches.has(node)) {
    shown.color = kDimmed;
    shown.label = '';
  }
  if (state.matches.has(node) || node === state.node) {
    shown.highlighted = true;
    shown.color = '#000000';
    shown.zIndex = 1;
  }
  return shown;
}

function edgeReducer(key, attributes) {
  const shown = Object.assign({}, attributes);
  if (!edgeShown(attributes.edge)) {
    shown.hidden = true;
  } else if (key === state.edge) {
    shown.size = attributes.size + 3;
  } else if (state.node && graph.source(key) !== state.node && graph.target(key) !== state.node) {
    shown.color = kDimmed;
  }
  return shown;
}

// Elements built from page data, which is only ever text.
function element(tag, text, className) {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  if (className) made.className = className;
  return made;
}

function swatch(kind) {
  const box = element('span', undefined, 'swatch');
  box.style.background = colours.get(kind) || kColourOfOther;
  return box;
}

function labelOf(node) {
  return graph.getNodeAttribute(node, 'label');
}

// Only web addresses become links: a javascript: or data: URL from a page
// stays text.
function sourceLinks(urls) {
  const list = element('dd');
  for (const url of (urls || '').split(/\s+/).filter(Boolean)) {
    if (/^https?:\/\//i.test(url)) {
      const link = element('a', url);
      link.href = url;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      list.append(link, ' ');
    } else {
      list.append(url, ' ');
    }
  }
  return list;
}

function facts(rows) {
  const list = element('dl');
  for (const [name, value] of rows) {
    if (value === undefined || value === '' || value === null) continue;
    list.append(element('dt', name), value instanceof Node ? value : element('dd', String(value)));
  }
  return list;
}

function showEdge(key) {
  const edge = graph.getEdgeAttribute(key, 'edge');
  const body = byId('details-body');
  const title = element('h3');
  title.append(swatch(edge.kind), edge.kind);
  const dated =
      edge.date ? edge.date + (edge.date_precision ? ' (' + edge.date_precision + ')' : '') : '';
  body.replaceChildren(
      title, facts([
        ['from', labelOf(edge.from)], ['to', labelOf(edge.to)], ['date', dated],
        ['detail', edge.detail], ['event', edge.event], ['when', edge.when],
        ['edges merged', edge.weight], ['source', sourceLinks(edge.source_url)]
      ]),
      element('blockquote', edge.evidence || '(no sentence kept)'));
}

function showNode(node) {
  const person = graph.getNodeAttribute(node, 'person');
  const body = byId('details-body');
  const edges = element('ul', undefined, 'edge-list');
  graph.forEachEdge(node, (key, attributes, source, target) => {
    const edge = attributes.edge;
    if (!edgeShown(edge)) return;
    const other = source === node ? '→ ' + labelOf(target) : '← ' + labelOf(source);
    const button = element('button', edge.kind + ' ' + other + (edge.date ? ', ' + edge.date : ''));
    button.type = 'button';
    button.addEventListener('click', () => select(null, key));
    const item = element('li');
    item.append(swatch(edge.kind), button);
    edges.append(item);
  });
  body.replaceChildren(
      element('h3', person.label || person.id), facts([
        ['handles', person.handles], ['urls', person.urls], ['sites', person.sites],
        ['texts', person.texts], ['people', person.degree], ['edges', person.edges]
      ]),
      element('h3', 'Edges shown (' + edges.childElementCount + ')'), edges);
}

let renderer = null;

function select(node, edge) {
  state.node = node;
  state.edge = edge;
  if (edge)
    showEdge(edge);
  else if (node)
    showNode(node);
  else
    byId('details-body').replaceChildren(element('p', 'Click a person or an edge.', 'hint'));
  renderer.refresh();
}

function centre(node) {
  const position = renderer.getNodeDisplayData(node);
  if (position)
    renderer.getCamera().animate({x: position.x, y: position.y, ratio: 0.4}, {duration: 400});
}

function countShown() {
  let shown = 0;
  graph.forEachEdge((key, attributes) => {
    if (edgeShown(attributes.edge)) shown++;
  });
  byId('edge-count').textContent = String(shown);
}

function filtersChanged() {
  countShown();
  if (state.edge && !edgeShown(graph.getEdgeAttribute(state.edge, 'edge')))
    select(state.node, null);
  else if (state.node && !state.edge)
    select(state.node, null);
  else
    renderer.refresh();
}

function buildKindFilters() {
  const counts = new Map();
  for (const edge of data.edges) counts.set(edge.kind, (counts.get(edge.kind) || 0) + 1);
  const kinds = data.kinds.map((style) => style.kind);
  for (const kind of counts.keys())
    if (!colours.has(kind)) kinds.push(kind);
  const fieldset = byId('kinds');
  for (const kind of kinds) {
    state.kinds.add(kind);
    const box = element('input');
    box.type = 'checkbox';
    box.checked = true;
    box.value = kind;
    box.addEventListener('change', () => {
      if (box.checked)
        state.kinds.add(kind);
      else
        state.kinds.delete(kind);
      filtersChanged();
    });
    const label = element('label');
    label.append(box, swatch(kind), kind + ' (' + (counts.get(kind) || 0) + ')');
    fieldset.append(label);
  }
}

function searchable(node) {
  const person = graph.getNodeAttribute(node, 'person');
  return [person.label, person.name, person.handles, person.urls, person.sites, person.id]
      .join(' ')
      .toLowerCase();
}

function wireSearch() {
  const input = byId('search');
  const list = byId('matches');
  input.addEventListener('input', () => {
    const query = input.value.trim().toLowerCase();
    state.matches =
        new Set(query ? graph.filterNodes((node) => searchable(node).includes(query)) : []);
    const items = [];
    for (const node of Array.from(state.matches).slice(0, 30)) {
      const button = element('button', labelOf(node));
      button.type = 'button';
      button.addEventListener('click', () => {
        select(node, null);
        centre(node);
      });
      const item = element('li');
      item.append(button);
      items.push(item);
    }
    if (state.matches.size > 30)
      items.push(element('li', 'and ' + (state.matches.size - 30) + ' more', 'hint'));
    if (query && state.matches.size === 0) items.push(element('li', 'nobody matches', 'hint'));
    list.replaceChildren(...items);
    renderer.refresh();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || state.matches.size === 0) return;
    const first = state.matches.values().next().value;
    select(first, null);
    centre(first);
  });
}

function wireDates() {
  for (const [id, field] of [['date-from', 'from'], ['date-to', 'to']]) {
    byId(id).addEventListener('change', (event) => {
      state[field] = event.target.value;
      filtersChanged();
    });
  }
}

layOut();
buildKindFilters();
renderer = new Sigma(graph, byId('graph'), {
  defaultEdgeType: 'arrow',
  enableEdgeClickEvents: true,
  labelRenderedSizeThreshold: 5,
  nodeReducer: nodeReducer,
  edgeReducer: edgeReducer,
});
renderer.on('clickNode', (event) => select(event.node, null));
renderer.on('clickEdge', (event) => select(null, event.edge));
renderer.on('clickStage', () => select(null, null));
wireSearch();
wireDates();
byId('edge-total').textContent = String(graph.size);
countShown();
byId('node-count').textContent = String(graph.order);
})();
