'use strict';
// Parley's live dashboard. Article text is untrusted: everything from the API is written with
// textContent and links only ever get http(s) addresses, so nothing in an article can run here.

const STANCES = { '2': 'demands', '1': 'supports', '-1': 'opposes', '-2': 'rejects' };
const TRENDS = { HARDENING: '▲', SOFTENING: '▼', STEADY: '' };
const FEED_SIZE = 40;

const positions = new Map(); // key -> position JSON
const inFeed = new Set(); // partition:offset of the changes listed, as /changes and the stream may overlap
let negotiation = null;
let events = null;

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** Ontology ids as words: "security_guarantees" -> "Security guarantees", "eu" -> "EU". */
function label(id, everyWord) {
  if (id.length <= 4 && !id.includes('_')) return id.toUpperCase();
  const words = id.split('_');
  return words.map((w, i) => (i === 0 || everyWord ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}

const actorLabel = (id) => label(id, true);
const issueLabel = (id) => label(id, false);
const stanceLabel = (stance) => STANCES[String(stance)] || 'no stance';

/** Only web links: a javascript: or data: address in an article must never become a link. */
function safeLink(url, text) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      return el('a', { href: parsed.href, target: '_blank', rel: 'noopener noreferrer', text });
    }
  } catch (e) {
    // not an absolute address: shown as text
  }
  return el('span', { text });
}

function when(iso) {
  const date = new Date(iso);
  return isNaN(date) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function setStatus(text, kind) {
  const status = $('status');
  status.textContent = text;
  status.className = 'status ' + (kind || '');
}

function inNegotiation() {
  return [...positions.values()].filter((p) => p.negotiation === negotiation);
}

function renderNegotiations() {
  const select = $('negotiation');
  const all = [...new Set([...positions.values()].map((p) => p.negotiation))].sort();
  if (!negotiation || !all.includes(negotiation)) negotiation = all[0] || null;
  select.replaceChildren(...all.map((n) => el('option', { value: n, text: label(n, true) })));
  if (negotiation) select.value = negotiation;
  select.disabled = all.length < 2;
}

function renderMatrix(changedKey) {
  const shown = inNegotiation();
  const actors = [...new Set(shown.map((p) => p.actor))].sort();
  const issues = [...new Set(shown.map((p) => p.issue))].sort();
  $('empty').hidden = shown.length > 0;
  $('matrix-head').replaceChildren(el('th', { text: 'Issue' }), ...actors.map((a) => el('th', { scope: 'col', text: actorLabel(a) })),
    el('th', { scope: 'col', text: 'Gap' }));
  const gaps = [];
  $('matrix-body').replaceChildren(...issues.map((issue) => {
    const row = el('tr', { dataset: { issue } }, el('th', { scope: 'row', text: issueLabel(issue) }));
    const stances = [];
    for (const actor of actors) {
      const key = `${negotiation}/${actor}/${issue}`;
      const position = positions.get(key);
      // an unconfirmed position is shown, marked, but is no party's stance in the gap
      if (position && position.confirmed !== false) stances.push(position.stance);
      row.append(el('td', {}, cell(key, position, key === changedKey)));
    }
    const spread = stances.length < 2 ? null : Math.max(...stances) - Math.min(...stances);
    if (spread !== null) gaps.push({ issue, spread });
    row.append(el('td', { class: 'gap', dataset: { spread: spread === null ? '' : String(spread) } }, gapView(spread)));
    return row;
  }));
  renderGapSummary(gaps);
}

function cell(key, position, changed) {
  if (!position) {
    return el('button', { type: 'button', class: 'cell empty-cell', disabled: '', dataset: { key }, 'aria-label': 'no stance', text: '·' });
  }
  const unconfirmed = position.confirmed === false;
  const marks = (TRENDS[position.trend] || '') + (position.disputed ? ' ⚡' : '') + (unconfirmed ? ' ?' : '');
  const button = el('button', {
    type: 'button',
    class: `cell stance-${position.stance}${unconfirmed ? ' unconfirmed' : ''}${changed ? ' changed' : ''}`,
    dataset: { key, stance: String(position.stance), confirmed: String(!unconfirmed) },
    title: `${actorLabel(position.actor)} ${stanceLabel(position.stance)} on ${issueLabel(position.issue)}`
      + (unconfirmed ? ' (unconfirmed: not counted in the gap)' : ''),
  }, stanceLabel(position.stance), marks ? el('span', { class: 'marks', text: marks }) : null);
  button.addEventListener('click', () => openDetail(key));
  return button;
}

function gapView(spread) {
  if (spread === null) return el('span', { text: 'one party' });
  const bar = el('div', { class: 'gap-bar' }, el('span'));
  bar.firstChild.style.width = `${(spread / 4) * 100}%`;
  return el('div', {}, el('span', { text: spread === 0 ? 'agreed' : `spread ${spread} of 4` }), bar);
}

function renderGapSummary(gaps) {
  if (gaps.length === 0) {
    $('gap-summary').textContent = '';
    return;
  }
  gaps.sort((a, b) => a.spread - b.spread);
  const closest = gaps[0];
  const farthest = gaps[gaps.length - 1];
  $('gap-summary').textContent = `Closest to a deal: ${issueLabel(closest.issue)} (spread ${closest.spread}). `
    + `Farthest: ${issueLabel(farthest.issue)} (spread ${farthest.spread}).`;
}

function feedItem(change) {
  const before = change.before ? stanceLabel(change.before.stance) : null;
  const after = change.after ? stanceLabel(change.after.stance) : null;
  const subject = (change.after || change.before);
  const what = {
    APPEARED: `now ${after}`,
    STANCE_CHANGED: `${before} → ${after}`,
    UPDATED: `${after}, ${change.after && change.after.articleCount} articles`,
    REMOVED: 'no longer stated',
  }[change.kind] || change.kind;
  const cause = change.causedBy;
  const button = el('button', { type: 'button' },
    el('strong', { text: `${actorLabel(subject.actor)} · ${issueLabel(subject.issue)}: ` }), what);
  if (change.after) button.addEventListener('click', () => openDetail(change.key));
  return el('li', { dataset: { kind: change.kind, key: change.key } }, button,
    el('div', { class: 'when' }, `${when(cause.publishedAt)} · ${cause.source} · `, safeLink(cause.url, cause.headline || cause.articleId)));
}

function addToFeed(change, atTop) {
  const id = `${change.partition}:${change.offset}`;
  if (inFeed.has(id)) return;
  inFeed.add(id);
  const feed = $('feed');
  const item = feedItem(change);
  if (atTop) feed.prepend(item); else feed.append(item);
  while (feed.children.length > FEED_SIZE) feed.lastChild.remove();
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

async function openDetail(key) {
  const [n, actor, issue] = key.split('/');
  let p;
  try {
    p = await getJson(`/state/${encodeURIComponent(n)}/positions/${encodeURIComponent(actor)}/${encodeURIComponent(issue)}`);
  } catch (e) {
    setStatus(`could not load ${key}: ${e.message}`, 'down');
    return;
  }
  $('detail-title').textContent = `${actorLabel(p.actor)} on ${issueLabel(p.issue)}`;
  $('detail-summary').textContent = `${stanceLabel(p.stance)} (confidence ${p.confidence.toFixed(2)}), since ${when(p.since)}`
    + (p.disputed ? ' — recent sources disagree' : '')
    + (p.confirmed === false ? ' — unconfirmed: no statement reached the confirmation threshold, not counted in the gap' : '');
  const facts = [
    ['Trend', p.trend.toLowerCase()], ['Articles', `${p.articleCount} (${p.agreeingArticles} agree, ${p.dissentingArticles} dissent)`],
    ['Outlets', `${p.sourceCount}, ${p.independentSources} independent`], ['First seen', when(p.firstSeen)], ['Last seen', when(p.lastSeen)],
  ];
  $('detail-facts').replaceChildren(...facts.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })]));
  $('detail-evidence').replaceChildren(...p.evidence.map((s) => el('li', {},
    el('blockquote', { text: s.sentence }),
    el('div', { class: 'meta' }, `${stanceLabel(s.stance)} · ${s.source} · ${when(s.publishedAt)} · `, safeLink(s.url, s.headline || s.articleId),
      s.story !== s.articleId ? ' · copy of an earlier story' : ''))));
  $('detail-history').replaceChildren(...p.history.map((h) => el('li', { text: `${when(h.at)}: ${stanceLabel(h.stance)} (${h.source})` })));
  $('detail').hidden = false;
  $('detail-close').focus();
}

function closeDetail() {
  $('detail').hidden = true;
}

function apply(change) {
  if (change.after) positions.set(change.key, change.after); else positions.delete(change.key);
  renderNegotiations();
  renderMatrix(change.key);
  addToFeed(change, true);
}

function subscribe(eventId) {
  // the snapshot's event id: the stream starts exactly after it; reconnects resume from Last-Event-ID
  events = new EventSource(`/events?lastEventId=${encodeURIComponent(eventId)}`);
  events.onopen = () => setStatus('live', 'live');
  events.onerror = () => setStatus('reconnecting…', 'down');
  events.addEventListener('change', (e) => apply(JSON.parse(e.data)));
  events.addEventListener('resync', () => {
    events.close();
    load();
  });
}

async function load() {
  try {
    const [snapshot, recent] = await Promise.all([getJson('/state'), getJson('/changes?limit=' + FEED_SIZE)]);
    positions.clear();
    for (const p of snapshot.positions) positions.set(p.key, p);
    renderNegotiations();
    renderMatrix(null);
    $('feed').replaceChildren();
    inFeed.clear();
    for (const change of recent) addToFeed(change, true);
    subscribe(snapshot.eventId);
  } catch (e) {
    setStatus(`cannot load the state (${e.message}); retrying`, 'down');
    setTimeout(load, 3000);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('negotiation').addEventListener('change', (e) => {
    negotiation = e.target.value;
    renderMatrix(null);
  });
  $('detail-close').addEventListener('click', closeDetail);
  $('detail').addEventListener('click', (e) => { if (e.target.id === 'detail') closeDetail(); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeDetail(); });
  load();
});
