// Lab Cloud console: renders the pages services describe (/_lab/ui/api/views/...), the live event timeline
// (/_lab/events) and the lab clock (/_lab/clock). Every value from the server goes into the page as text, never as
// markup; an email's HTML goes into a sandboxed frame without scripts.
import { drawGraph } from './graph.js';

const console_ = {
  account: null,
  region: null,
  views: [],
  offsetMillis: 0,
  timeline: null,
};

const main = document.getElementById('main');

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJson(url, options) {
  const response = await fetch(url, options);
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  if (!response.ok) throw new Error(body.message || body.error || `${response.status}`);
  return body;
}

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/;
const STATES = {
  ok: ['SUCCEEDED', 'SUCCESS', 'READY', 'ACTIVE', 'ENABLED', 'Active', 'Enabled', 'ENABLED', 'Success', 'AVAILABLE', 'COMPLETED', 'latest'],
  bad: ['FAILED', 'ERROR', 'TIMEOUT', 'TIMED_OUT', 'ABORTED', 'FAILURE', 'Failed', 'DISABLED', 'Disabled', 'STOPPED'],
  run: ['RUNNING', 'STARTING', 'STOPPING', 'WAITING', 'IN_PROGRESS', 'CREATING', 'UPDATING', 'Pending', 'PENDING'],
};

/** A time as the lab shows it: UTC, to the second. */
function showTime(iso) {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC').replace(/(\.\d+)?\+00:00$/, ' UTC');
}

/** One table cell or field value: a dash for nothing, a badge for a state, a readable time. */
function cell(value) {
  if (value === null || value === undefined || value === '') return el('span', { class: 'quiet' }, '—');
  if (typeof value === 'number') return el('span', { class: 'mono' }, value.toLocaleString('en-US'));
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return el('code', {}, JSON.stringify(value));
  const text = String(value);
  for (const [kind, words] of Object.entries(STATES)) {
    if (words.includes(text)) return el('span', { class: `state ${kind}` }, text);
  }
  if (TIME.test(text)) return el('time', { datetime: text }, showTime(text));
  return text;
}

function accountQuery() {
  return `account=${encodeURIComponent(console_.account)}&region=${encodeURIComponent(console_.region)}`;
}

// ---- blocks ---------------------------------------------------------------------------------------------------

function table(block, route) {
  const box = el('section', { class: 'block' }, el('h2', {}, block.title));
  if (block.rows.length === 0) {
    box.append(el('p', { class: 'empty' }, block.empty || 'Nothing here yet.'));
    return box;
  }
  const head = el('tr', {}, block.columns.map((name) => el('th', { scope: 'col' }, name)));
  const body = el('tbody', {}, block.rows.map((row) => {
    const cells = row.cells.map((value, i) => {
      const td = el('td', { class: typeof value === 'number' ? 'number' : null }, cell(value));
      if (i === 0 && row.link) {
        td.replaceChildren(el('a', { href: `#/${row.link}` }, cell(value)));
      }
      return td;
    });
    return el('tr', {
      class: row.link ? 'linked' : null,
      onclick: row.link ? (event) => { if (event.target.tagName !== 'A') location.hash = `#/${row.link}`; } : null,
    }, cells);
  }));
  box.append(el('div', { class: 'scroll' }, el('table', {}, el('thead', {}, head), body)));
  if (block.next) {
    box.append(el('p', { class: 'more' }, el('a', { href: `#/${route.path}?${block.next}` }, 'Next page →')));
  }
  return box;
}

function fields(block) {
  const list = el('dl', { class: 'fields' });
  for (const field of block.fields) {
    const value = field.link ? el('a', { href: `#/${field.link}` }, cell(field.value)) : cell(field.value);
    list.append(el('dt', {}, field.label), el('dd', {}, value));
  }
  return el('section', { class: 'block' }, el('h2', {}, block.title), list);
}

function log(block) {
  const box = el('section', { class: 'block' }, el('h2', {}, block.title));
  if (block.lines.length === 0) {
    box.append(el('p', { class: 'empty' }, block.empty || 'No log lines.'));
    return box;
  }
  const pre = el('pre', { class: 'log' });
  for (const line of block.lines) {
    pre.append(el('span', { class: 'time' }, line.time ? `${showTime(line.time)}  ` : ''), line.message, '\n');
  }
  box.append(pre);
  return box;
}

function graph(block) {
  return el('section', { class: 'block' }, el('h2', {}, block.title), drawGraph(block.definition, block.states),
    el('p', { class: 'legend' }, 'Green: succeeded · red: failed · blue: running · amber: caught an error · white: not reached'));
}

function html(block) {
  const frame = el('iframe', { class: 'mail', sandbox: '', referrerpolicy: 'no-referrer', title: block.title });
  frame.srcdoc = block.html;
  return el('section', { class: 'block' }, el('h2', {}, block.title), frame);
}

const BLOCKS = { table, fields, log, graph, html };

// ---- pages ----------------------------------------------------------------------------------------------------

function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const question = hash.indexOf('?');
  return question < 0 ? { path: hash, query: '' } : { path: hash.slice(0, question), query: hash.slice(question + 1) };
}

function highlightMenu(first) {
  for (const link of document.querySelectorAll('#menu a')) {
    link.classList.toggle('current', link.dataset.view === first);
  }
}

function problem(message) {
  return el('p', { class: 'problem' }, message);
}

async function servicePage(route) {
  const url = `api/views/${route.path}?${accountQuery()}${route.query ? `&${route.query}` : ''}`;
  const page = await getJson(url);
  const crumbs = el('p', { class: 'crumbs' }, page.crumbs.map((crumb) => el('a', { href: `#/${crumb.link}` }, crumb.label)));
  const blocks = page.blocks.map((block) => (BLOCKS[block.type] || (() => problem(`Unknown block ${block.type}`)))(block, route));
  return [crumbs, el('h1', {}, page.title), ...blocks];
}

function overviewPage() {
  const cards = el('div', { class: 'cards' },
    el('a', { href: '#/timeline' }, 'Event timeline'),
    console_.views.map((view) => el('a', { href: `#/${view.name}` }, view.title)));
  return [el('h1', {}, 'Lab Cloud'), el('p', { class: 'quiet' },
    `What account ${console_.account} has in ${console_.region}, service by service. Everything here is read-only; `
    + 'the lab clock at the top right is the one control.'), cards];
}

async function render() {
  stopTimeline();
  const route = currentRoute();
  const first = route.path.split('/')[0];
  highlightMenu(first);
  try {
    let content;
    if (route.path === '') content = overviewPage();
    else if (route.path === 'timeline') content = timelinePage();
    else content = await servicePage(route);
    if (currentRoute().path !== route.path || currentRoute().query !== route.query) return;
    main.replaceChildren(...content);
  } catch (error) {
    main.replaceChildren(el('h1', {}, 'Not available'), problem(error.message));
  }
}

// ---- the live timeline ----------------------------------------------------------------------------------------

function stopTimeline() {
  if (console_.timeline) {
    clearTimeout(console_.timeline.timer);
    console_.timeline = null;
  }
}

function eventRow(event, fresh) {
  const detail = event.detail
    ? el('details', {}, el('summary', {}, 'detail'), el('pre', {}, JSON.stringify(event.detail, null, 2)))
    : null;
  return el('tr', { class: fresh ? 'fresh' : null, 'data-service': event.service },
    el('td', {}, cell(event.time)), el('td', {}, event.service), el('td', {}, event.kind),
    el('td', {}, event.name), el('td', {}, cell(event.resource)), el('td', {}, cell(event.status === undefined ? null : event.status)),
    el('td', {}, detail));
}

function timelinePage() {
  const body = el('tbody');
  const filter = el('select', { 'aria-label': 'Service', onchange: () => applyFilter() }, el('option', { value: '' }, 'every service'));
  const status = el('span', { class: 'quiet' }, 'Connecting…');
  const empty = el('p', { class: 'empty' }, 'No events yet. Every signed API call and every internal event '
    + '(an object created, a job state change, a schedule firing) appears here as it happens, newest first.');
  const box = el('section', { class: 'block' }, el('h2', {}, 'Events, newest first'), empty,
    el('div', { class: 'scroll' }, el('table', {}, el('thead', {}, el('tr', {},
      ['Time', 'Service', 'Kind', 'Name', 'Resource', 'Status', ''].map((h) => el('th', { scope: 'col' }, h)))), body)));
  const services = new Set();
  const state = { since: 0, timer: null, first: true };
  console_.timeline = state;

  function applyFilter() {
    for (const row of body.rows) row.hidden = filter.value !== '' && row.dataset.service !== filter.value;
  }

  async function poll() {
    try {
      let more = true;
      while (more && console_.timeline === state) {
        const page = await getJson(`/_lab/events?since=${state.since}&limit=500&account=${encodeURIComponent(console_.account)}`);
        if (console_.timeline !== state) return;
        for (const event of page.events) {
          body.prepend(eventRow(event, !state.first));
          if (!services.has(event.service)) {
            services.add(event.service);
            filter.append(el('option', { value: event.service }, event.service));
          }
        }
        while (body.rows.length > 1000) body.deleteRow(-1);
        state.since = page.next;
        more = page.events.length === 500;
      }
      state.first = false;
      empty.hidden = body.rows.length > 0;
      applyFilter();
      status.textContent = `Live · updated ${new Date().toLocaleTimeString()}`;
    } catch (error) {
      status.textContent = `Cannot reach Lab Cloud: ${error.message}`;
    }
    if (console_.timeline === state) state.timer = setTimeout(poll, 1500);
  }
  poll();
  return [el('h1', {}, 'Event timeline'), el('div', { class: 'toolbar' }, el('label', {}, 'Show ', filter), status), box];
}

// ---- the lab clock --------------------------------------------------------------------------------------------

function showClock() {
  const now = new Date(Date.now() + console_.offsetMillis);
  document.getElementById('clock-now').textContent = showTime(now.toISOString().replace(/\.\d+Z$/, 'Z'));
}

async function readClock() {
  try {
    const clock = await getJson('/_lab/clock');
    console_.offsetMillis = clock.epochMillis - Date.now();
    showClock();
  } catch (error) {
    document.getElementById('clock-now').textContent = 'unreachable';
  }
}

function notice(...content) {
  const box = document.getElementById('notice');
  box.replaceChildren(...content.flat());
  box.hidden = false;
  clearTimeout(notice.timer);
  notice.timer = setTimeout(() => { box.hidden = true; }, 8000);
}

async function advance() {
  const button = document.getElementById('advance');
  const by = document.getElementById('advance-by');
  button.disabled = true;
  try {
    const result = await getJson('/_lab/clock/advance', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ duration: by.value }),
    });
    await readClock();
    const fired = result.fired.map((timer) => el('li', {}, `${timer.service}: ${timer.name} ${timer.resource || ''} at ${showTime(timer.time)}`));
    notice(el('strong', {}, `Advanced to ${showTime(result.to)}.`), ' ',
      fired.length ? [`${fired.length} fired:`, el('ul', { id: 'fired' }, fired)] : 'Nothing was due.');
    if (!console_.timeline) render();
  } catch (error) {
    notice(`The clock did not move: ${error.message}`);
  } finally {
    button.disabled = false;
  }
}

// ---- start ----------------------------------------------------------------------------------------------------

async function start() {
  const overview = await getJson('api/overview');
  console_.views = overview.views;
  console_.region = overview.region;
  const chosen = new URLSearchParams(location.search).get('account') || sessionStorage.getItem('gluelab.account');
  console_.account = overview.accounts.includes(chosen) ? chosen : overview.account;
  const select = document.getElementById('account');
  select.replaceChildren(...overview.accounts.map((account) => el('option', { value: account, selected: account === console_.account }, account)));
  select.addEventListener('change', () => {
    console_.account = select.value;
    sessionStorage.setItem('gluelab.account', select.value);
    render();
  });
  const menu = document.getElementById('menu');
  for (const view of overview.views) menu.append(el('a', { href: `#/${view.name}`, 'data-view': view.name }, view.title));
  document.getElementById('advance').addEventListener('click', advance);
  window.addEventListener('hashchange', render);
  await readClock();
  setInterval(showClock, 1000);
  setInterval(readClock, 10000);
  await render();
  document.body.dataset.ready = 'true';
}

start().catch((error) => main.replaceChildren(el('h1', {}, 'Lab Cloud is not answering'), problem(error.message)));
