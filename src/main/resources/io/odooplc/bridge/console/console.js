// The bridge's operator console: reads /api/tasks, /api/batches, /api/failures and /api/health, refreshes itself,
// and sends control calls with the admin token as a header. Every value from the bridge goes into the page as text
// (textContent / text nodes), never as HTML: MO and product names come from Odoo and the PLC.
'use strict';

const REFRESH_MS = 3000;
const PAGE_SIZE = 25;
const TOKEN_KEY = 'odoo-plc-bridge.adminToken';
const STATES = ['STAGED', 'WRITTEN', 'RUNNING', 'COMPLETED', 'SYNCED', 'CANCELLED', 'NEEDS_ATTENTION'];
const ACTIVE = ['STAGED', 'WRITTEN', 'RUNNING', 'COMPLETED'];

const view = {
  tab: 'tasks',
  batches: { state: '', mo: '', offset: 0 },
  failures: { status: '', offset: 0 },
  detailId: null,
};

const $ = (id) => document.getElementById(id);

/** An element with attributes and children; strings become text nodes. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'className') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** A table cell with the column name as label for the narrow (card) layout. */
function cell(label, ...children) {
  return el('td', { 'data-label': label }, el('div', {}, ...children));
}

/**
 * Puts children (each with a data-key) into a container, keeping every child, and every table cell, whose content
 * did not change: a refresh then neither swallows a click on a button nor moves the keyboard focus.
 */
function render(container, nodes) {
  const old = new Map([...container.children].map((node) => [node.dataset.key, node]));
  const kept = nodes.map((node) => {
    const prev = old.get(node.dataset.key);
    if (!prev || prev.tagName !== node.tagName) return node;
    if (node.tagName !== 'TR' || prev.cells.length !== node.cells.length) {
      return prev.outerHTML === node.outerHTML ? prev : node;
    }
    prev.className = node.className;
    const prevCells = [...prev.cells];
    [...node.cells].forEach((cell, i) => {
      if (prevCells[i].outerHTML !== cell.outerHTML) prevCells[i].replaceWith(cell);
    });
    return prev;
  });
  const children = container.children;
  if (kept.length !== children.length || kept.some((node, i) => children[i] !== node)) {
    container.replaceChildren(...kept);
  }
}

function emptyRow(columns, message) {
  return el('tr', { dataset: { key: 'empty' } }, el('td', { colspan: String(columns), className: 'muted' }, message));
}

function text(value) {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** An instant in the browser's time zone: the time alone when it is today. */
function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (isNaN(d)) return String(iso);
  const today = d.toDateString() === new Date().toDateString();
  return today ? d.toLocaleTimeString() : d.toLocaleString();
}

function kg(value) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(2);
}

function badge(value) {
  return el('span', { className: 'badge badge-' + String(value).toLowerCase() }, text(value));
}

let messageTimer = null;

/** Errors stay until the next message; confirmations go after a while. */
function show(message, isError) {
  const box = $('message');
  box.textContent = message;
  box.className = isError ? 'error' : 'ok';
  box.hidden = false;
  clearTimeout(messageTimer);
  if (!isError) messageTimer = setTimeout(() => { box.hidden = true; }, 10000);
}

// --- HTTP -----------------------------------------------------------------------------------------------------------

/** One page of a list API (batches, failures) from offset, with the filters that are set. */
function getPage(path, offset, filters) {
  const query = new URLSearchParams({ limit: PAGE_SIZE, offset });
  for (const [key, value] of Object.entries(filters)) {
    if (value) query.set(key, value);
  }
  return getJson(path + '?' + query);
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(path + ': ' + response.status + ' ' + (body.error || response.statusText));
  return body;
}

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function showTokenState() {
  const set = token() !== null;
  $('token-state').textContent = 'Admin token: ' + (set ? 'set for this tab' : 'not set');
  $('token-forget').hidden = !set;
}

/** Asks for the token in a dialog; resolves to false when the operator cancels. */
function askToken() {
  return new Promise((resolve) => {
    const dialog = $('token-dialog');
    const input = $('token-input');
    input.value = '';
    const done = (ok) => {
      $('token-form').onsubmit = null;
      $('token-cancel').onclick = null;
      dialog.close();
      resolve(ok);
    };
    $('token-form').onsubmit = (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      showTokenState();
      done(true);
    };
    $('token-cancel').onclick = () => done(false);
    dialog.showModal();
    input.focus();
  });
}

/** A control call: POST with the token as Authorization header (never a cookie, never in the URL). */
async function control(path, what) {
  if (token() === null && !(await askToken())) {
    show(what + ': cancelled, no admin token given', true);
    return null;
  }
  let response;
  try {
    response = await fetch(path, { method: 'POST', headers: { Authorization: 'Bearer ' + token() } });
  } catch (e) {
    show(what + ': the bridge did not answer (' + e.message + ')', true);
    return null;
  }
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    showTokenState();
    show(what + ' refused (401): ' + text(body.error) + '. The token was forgotten: the next action asks again.', true);
    return null;
  }
  if (response.status === 403) {
    show(what + ' refused (403): ' + text(body.error), true);
    return null;
  }
  if (!response.ok) {
    show(what + ' failed (' + response.status + '): ' + text(body.error), true);
    return null;
  }
  return body;
}

// --- Tasks ----------------------------------------------------------------------------------------------------------

function lastRun(run) {
  if (!run) return el('span', { className: 'muted' }, 'no run yet');
  return el('div', {},
    el('div', {}, badge(run.outcome), ' ', text(run.trigger), ' · ', when(run.startedAt)),
    run.counts ? el('div', { className: 'muted' }, text(run.counts)) : null,
    run.error ? el('div', { className: 'error-text' }, text(run.error)) : null);
}

function taskButtons(task) {
  const started = task.status === 'Started';
  const act = (action, label) => el('button', {
    type: 'button', dataset: { action },
    onclick: () => taskAction(task.routeId, action),
  }, label);
  return el('div', { className: 'actions' },
    started ? act('stop', 'Stop') : act('start', 'Start'), act('run', 'Run now'));
}

async function taskAction(routeId, action) {
  const body = await control('/api/tasks/' + encodeURIComponent(routeId) + '/' + action, action + ' ' + routeId);
  if (body) {
    const outcome = body.run ? ': run ' + body.run : '';
    show(routeId + ' ' + (action === 'run' ? 'ran' : action === 'stop' ? 'stopped' : 'started') + outcome
      + ' (timer ' + body.status + ')', false);
  }
  refresh();
}

async function loadTasks() {
  const data = await getJson('/api/tasks');
  $('master-switch').textContent = 'Master switch ENABLE_AUTO_SYNC: ' + (data.masterSwitch ? 'on' : 'off');
  render($('tasks'), data.tasks.map((task) => el('tr', { dataset: { key: task.routeId, routeId: task.routeId } },
    cell('Task', el('strong', {}, task.title), el('div', { className: 'muted' }, task.routeId)),
    cell('Switch', el('span', { className: 'switch ' + (task.configuredEnabled ? 'on' : 'off') },
      task.configuredEnabled ? 'on' : 'off'), el('div', { className: 'muted' }, text(task.configuredBy))),
    cell('Status', el('span', { className: 'status' }, badge(task.status))),
    cell('Interval', text(task.interval)),
    cell('Last run', lastRun(task.lastRun)),
    cell('Next run', when(task.nextRunAt)),
    cell('Control', taskButtons(task)))));
}

// --- Queue ----------------------------------------------------------------------------------------------------------

async function loadCounts() {
  const totals = await Promise.all(STATES.map((state) =>
    getJson('/api/batches?limit=1&state=' + state).then((page) => page.total)));
  render($('state-counts'), STATES.map((state, i) => el('li', { dataset: { key: state } },
    el('button', {
      type: 'button', dataset: { state },
      className: view.batches.state === state ? 'selected' : '',
      onclick: () => filterBatches(view.batches.state === state ? '' : state, view.batches.mo),
    }, el('span', { className: 'count' }, String(totals[i])), ' ', state))));
}

function filterBatches(state, mo) {
  view.batches = { state, mo, offset: 0 };
  $('filter-state').value = state;
  $('filter-mo').value = mo;
  refresh();
}

async function loadBatches() {
  const page = await getPage('/api/batches', view.batches.offset, { state: view.batches.state, mo: view.batches.mo });
  const rows = page.items.map((batch) => el('tr', {
    className: 'clickable' + (batch.id === view.detailId ? ' selected' : ''),
    dataset: { key: batch.id, batchId: batch.id }, tabindex: '0',
    onclick: () => openDetail(batch.id),
    onkeydown: (event) => { if (event.key === 'Enter') openDetail(batch.id); },
  },
  cell('Batch', '#' + batch.id),
  cell('MO', el('span', { className: 'mo' }, text(batch.moName))),
  cell('Product', el('span', { className: 'product' }, text(batch.productName))),
  cell('Slot', text(batch.slot)),
  cell('State', badge(batch.state)),
  cell('Attempts', text(batch.attempts)),
  cell('Last error', el('span', { className: 'error-text' }, batch.lastError || '')),
  cell('Changed', when(batch.stateChangedAt))));
  render($('batches'), rows.length ? rows : [emptyRow(8, 'No batches match.')]);
  pager('batch-pager', page);
}

function pager(id, page) {
  const box = $(id);
  const first = page.total === 0 ? 0 : page.offset + 1;
  box.querySelector('.range').textContent = first + '–' + (page.offset + page.items.length) + ' of ' + page.total;
  box.querySelector('[data-page=prev]').disabled = page.offset === 0;
  box.querySelector('[data-page=next]').disabled = !page.hasNext;
}

function openDetail(id) {
  view.detailId = id;
  loadDetail().then(() => $('batch-detail').scrollIntoView({ block: 'start' }))
    .catch((e) => show('Batch #' + id + ': ' + e.message, true));
}

async function loadDetail() {
  const box = $('batch-detail');
  if (view.detailId === null) {
    box.hidden = true;
    return;
  }
  const batch = await getJson('/api/batches/' + view.detailId);
  box.hidden = false;
  $('detail-title').textContent = 'Batch #' + batch.id + ' · ' + text(batch.moName);
  const fields = [
    ['MO', batch.moName], ['Product', batch.productName], ['State', batch.state], ['Slot', batch.slot],
    ['Target kg', kg(batch.targetQtyKg)], ['Actual weight kg', kg(batch.actualWeightKg)],
    ['Attempts', batch.attempts], ['Next attempt', when(batch.nextAttemptAt)],
    ['Last error', batch.lastError], ['PLC failed', batch.plcFailed ? 'yes' : 'no'],
    ['Created', when(batch.createdAt)], ['Synced', when(batch.syncedAt)],
  ];
  $('detail-fields').replaceChildren(...fields.flatMap(([name, value]) => [
    el('dt', {}, name), el('dd', { dataset: { field: name } }, text(value))]));
  render($('detail-components'), batch.components.map((c) => el('tr', { dataset: { key: c.equipmentId } },
    cell('Equipment', text(c.equipmentCode) + ' (' + text(c.equipmentId) + ')'),
    cell('Product', text(c.productName)),
    cell('Planned kg', el('span', { className: 'planned' }, kg(c.plannedKg))),
    cell('Actual kg', el('span', { className: 'actual' }, kg(c.actualKg))))));
  render($('detail-events'), batch.events.map((e, i) => el('tr', { dataset: { key: i } },
    cell('At', when(e.at)), cell('From', text(e.fromState)), cell('To', text(e.toState)), cell('Note', text(e.note)))));
  $('detail-retry').hidden = batch.state !== 'NEEDS_ATTENTION';
  $('detail-cancel').hidden = !(ACTIVE.includes(batch.state) || batch.state === 'NEEDS_ATTENTION');
}

async function batchAction(action) {
  const id = view.detailId;
  const body = await control('/api/batches/' + id + '/' + action, action + ' batch #' + id);
  if (body) show(text(body.message), false);
  refresh();
}

// --- Failures -------------------------------------------------------------------------------------------------------

async function loadFailures() {
  const page = await getPage('/api/failures', view.failures.offset, { status: view.failures.status });
  const rows = page.items.map((item) => el('tr', { dataset: { key: item.id, failureId: item.id } },
    cell('Failure at (PLC)', text(item.failureAt)),
    cell('Equipment', text(item.equipmentCode)),
    cell('Description', text(item.description)),
    cell('Odoo', badge(item.odooStatus)),
    cell('Attempts', text(item.odooAttempts)),
    cell('Next attempt', when(item.odooNextAttemptAt)),
    cell('Last error', el('span', { className: 'error-text' }, item.odooLastError || '')),
    cell('Sent', when(item.odooSentAt))));
  render($('failures'), rows.length ? rows : [emptyRow(8, 'No equipment failures.')]);
  pager('failure-pager', page);
}

// --- Health ---------------------------------------------------------------------------------------------------------

const CHECK_TITLES = { database: 'Database', plc: 'PLC', odoo: 'Odoo', batches: 'Batches' };
const CHECK_ABOUT = {
  database: 'PostgreSQL reachable and its schema migrated.',
  plc: 'The last exchange with the PLC (read cycle or write).',
  odoo: 'The last Odoo call and the circuit breaker, without calling Odoo.',
  batches: 'Task 4\'s last findings: stuck, failed, waiting for an operator, Odoo backlog.',
};

function detailValue(value) {
  return typeof value === 'string' && ISO_INSTANT.test(value) ? when(value) : text(value);
}

async function loadHealth() {
  const health = await getJson('/api/health');
  render($('health-pills'), health.checks.map((check) => el('li', {
    className: 'pill state-' + check.state.toLowerCase(), dataset: { key: check.name, check: check.name },
    title: check.message || check.state,
  }, CHECK_TITLES[check.name] || check.name, ' ', check.state)));
  if (view.tab !== 'health') return;
  render($('health-checks'), health.checks.map((check) => el('article', {
    className: 'check', dataset: { key: check.name, check: check.name },
  },
  el('h2', {}, CHECK_TITLES[check.name] || check.name, ' ', badge(check.state)),
  el('p', { className: 'muted' }, CHECK_ABOUT[check.name] || ''),
  check.message ? el('p', { className: check.state === 'DOWN' ? 'error-text' : '' }, check.message) : null,
  el('dl', { className: 'fields' }, ...Object.entries(check.details).sort().flatMap(([key, value]) => [
    el('dt', {}, key.replace(/_/g, ' ')), el('dd', { dataset: { detail: key } }, detailValue(value))])))));
}

// --- Tabs and refresh -----------------------------------------------------------------------------------------------

const LOADERS = {
  tasks: [loadTasks],
  queue: [loadCounts, loadBatches, loadDetail],
  failures: [loadFailures],
  health: [],
};

let refreshing = null;

/** Loads what the open tab shows, and the health pills; one refresh at a time. */
function refresh() {
  if (refreshing) return refreshing;
  refreshing = Promise.all([loadHealth(), ...LOADERS[view.tab].map((load) => load())])
    .then(() => {
      $('updated').textContent = 'Updated ' + new Date().toLocaleTimeString() + ' · refreshes every '
        + REFRESH_MS / 1000 + ' s';
      $('updated').className = 'muted';
    })
    .catch((e) => {
      $('updated').textContent = 'Cannot refresh: ' + e.message;
      $('updated').className = 'error-text';
    })
    .finally(() => { refreshing = null; });
  return refreshing;
}

function openTab(tab) {
  view.tab = LOADERS[tab] ? tab : 'tasks';
  for (const button of document.querySelectorAll('#tabs button')) {
    button.classList.toggle('selected', button.dataset.tab === view.tab);
  }
  for (const panel of document.querySelectorAll('[data-panel]')) {
    panel.hidden = panel.dataset.panel !== view.tab;
  }
  if (location.hash !== '#' + view.tab) history.replaceState(null, '', '#' + view.tab);
  refresh();
}

function page(list, direction) {
  list.offset = Math.max(0, list.offset + (direction === 'next' ? PAGE_SIZE : -PAGE_SIZE));
  refresh();
}

document.addEventListener('DOMContentLoaded', () => {
  for (const state of STATES) $('filter-state').append(el('option', {}, state));
  for (const button of document.querySelectorAll('#tabs button')) {
    button.addEventListener('click', () => openTab(button.dataset.tab));
  }
  $('batch-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    filterBatches($('filter-state').value, $('filter-mo').value.trim());
  });
  $('failure-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    view.failures = { status: $('filter-failure-status').value, offset: 0 };
    refresh();
  });
  for (const button of document.querySelectorAll('#batch-pager button')) {
    button.addEventListener('click', () => page(view.batches, button.dataset.page));
  }
  for (const button of document.querySelectorAll('#failure-pager button')) {
    button.addEventListener('click', () => page(view.failures, button.dataset.page));
  }
  $('detail-retry').addEventListener('click', () => batchAction('retry'));
  $('detail-cancel').addEventListener('click', () => batchAction('cancel'));
  $('detail-close').addEventListener('click', () => { view.detailId = null; refresh(); });
  $('token-forget').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    showTokenState();
    show('Admin token forgotten.', false);
  });
  showTokenState();
  openTab(location.hash.slice(1));
  setInterval(refresh, REFRESH_MS);
});
