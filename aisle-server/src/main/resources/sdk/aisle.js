/*!
 * Aisle browser tracker 0.1.0: shopper events to an Aisle server. No dependencies, no build, ES2017.
 *
 *   <script src="https://aisle.example.com/sdk/aisle.js"></script>
 *   Aisle.init({ key: 'pk_...', consent: true });
 *   Aisle.viewItem({ item_id: 'sku-1', price: 19.99, currency: 'EUR' });
 *
 * Privacy: until consent is given nothing is sent and nothing is written to the device; Aisle.consent(false)
 * deletes what was stored. Only ever give it the public key.
 */
(function (root) {
  'use strict';
  if (root.Aisle && root.Aisle.version) return; // loaded twice: the first copy keeps its queue

  var VERSION = '0.1.0';
  var SESSION_IDLE_MS = 30 * 60 * 1000;
  var MAX_QUEUE = 1000;            // oldest events are dropped beyond this while the server is unreachable
  var MAX_BATCH = 100;
  var MAX_BACKOFF_MS = 60 * 1000;
  var BEACON_BYTES = 60 * 1024;    // browsers allow about 64 KiB of beacons and keepalive bodies in flight
  var SCROLL_MARKS = [25, 50, 75, 100];
  var KEYS = { consent: 'aisle_consent', anonymous: 'aisle_aid', shopper: 'aisle_uid', session: 'aisle_sid' };
  var EVENT_FIELDS = ['items', 'query', 'filters', 'value', 'currency', 'dwell_ms', 'scroll_pct', 'zoom'];
  var ID_PROBLEM = /[\/?#\u0000-\u001f\u007f]/;

  var doc = root.document;
  var nav = root.navigator || {};
  // By default events go back to the server the script was loaded from.
  var scriptOrigin = (function () {
    try { return doc && doc.currentScript && doc.currentScript.src ? new URL(doc.currentScript.src).origin : ''; }
    catch (e) { return ''; }
  })();

  var config = null;
  var state = {
    consent: false,
    anonymousId: null,
    shopperId: null,
    queue: [],
    timer: null,
    inFlight: false,
    failures: 0,
    retryAt: 0,
    pageViewSent: false,
    // The product being looked at: dwell time is measured for it and view_item is replayed if consent comes late.
    item: null,
    itemFields: undefined,
    itemViewSent: false,
    visibleSince: null,
    dwellMs: 0,
    maxScroll: 0,
    reportedScroll: 0
  };

  // ---------------------------------------------------------------- storage (only ever touched with consent)

  // No probe writes: even a test key would be "storing" before consent.
  function localStore() {
    try { return root.localStorage || null; } catch (e) { return null; } // blocked storage, sandboxed frames
  }

  function readPersistent(key) {
    var s = localStore();
    try { if (s) return s.getItem(key); } catch (e) { /* fall back to the cookie */ }
    var m = doc && doc.cookie.match(new RegExp('(?:^|; )' + key + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : null;
  }

  function writePersistent(key, value) {
    var s = localStore();
    try { if (s) { s.setItem(key, value); return; } } catch (e) { /* full or private mode: use a cookie */ }
    if (doc) doc.cookie = key + '=' + encodeURIComponent(value) + '; path=/; max-age=31536000; samesite=lax';
  }

  function removePersistent(key) {
    var s = localStore();
    try { if (s) s.removeItem(key); } catch (e) { /* nothing to remove */ }
    if (doc && doc.cookie.indexOf(key + '=') >= 0) doc.cookie = key + '=; path=/; max-age=0; samesite=lax';
  }

  function sessionStore() {
    try { return root.sessionStorage || null; } catch (e) { return null; }
  }

  var memorySession = null;

  /** The session id, renewed after 30 minutes without events; kept per tab in sessionStorage. */
  function sessionId(now) {
    var store = sessionStore();
    var s = memorySession;
    if (store) {
      try { s = JSON.parse(store.getItem(KEYS.session) || 'null'); } catch (e) { s = null; }
    }
    if (!s || typeof s.id !== 'string' || !(now - s.last < SESSION_IDLE_MS)) s = { id: uuid(), last: now };
    s.last = now;
    memorySession = s;
    if (store) { try { store.setItem(KEYS.session, JSON.stringify(s)); } catch (e) { /* quota: memory only */ } }
    return s.id;
  }

  // ---------------------------------------------------------------- event building

  function uuid() {
    var c = root.crypto;
    if (c && typeof c.randomUUID === 'function') return c.randomUUID(); // secure contexts only
    var b = new Uint8Array(16);
    if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
    else for (var i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function cut(s, n) { s = String(s); return s.length > n ? s.slice(0, n) : s; }

  function validId(id) {
    return typeof id === 'string' && id.trim() === id && id.length > 0 && id.length <= 128 && !ID_PROBLEM.test(id);
  }

  function number(x) {
    var n = typeof x === 'string' ? parseFloat(x) : x;
    return typeof n === 'number' && isFinite(n) ? n : null;
  }

  /** An item in wire form; accepts a bare id, {item_id}, or {id}. Throws on a missing or unusable id. */
  function normalizeItem(x) {
    if (typeof x === 'string' || typeof x === 'number') x = { item_id: String(x) };
    if (!x || typeof x !== 'object') throw new Error('an item must be an id or an object with item_id');
    var id = x.item_id != null ? String(x.item_id) : x.id != null ? String(x.id) : null;
    if (!validId(id)) throw new Error('item_id must be 1-128 characters without / ? # or control characters');
    var out = { item_id: id };
    var price = number(x.price);
    if (price != null && price >= 0) out.price = price;
    var q = parseInt(x.quantity, 10);
    out.quantity = q >= 1 ? Math.min(q, 1000000) : 1;
    var index = parseInt(x.index, 10);
    if (index >= 0) out.index = Math.min(index, 100000);
    return out;
  }

  function normalizeFilters(f) {
    var out = {};
    Object.keys(f || {}).slice(0, 50).forEach(function (k) {
      if (!k || k.length > 64) return;
      var v = Array.isArray(f[k]) ? f[k] : [f[k]];
      out[k] = v.filter(function (x) { return x != null; }).slice(0, 100).map(function (x) { return cut(x, 200); });
    });
    return out;
  }

  function device() {
    var ua = nav.userAgent || '';
    if (/iPad|Tablet|PlayBook|Silk|(Android(?!.*Mobile))/i.test(ua)) return 'tablet';
    if (/Mobi|iPhone|iPod|Android.*Mobile|Windows Phone/i.test(ua)) return 'mobile';
    return 'desktop';
  }

  function context() {
    var c = { device: device() };
    if (doc && doc.referrer) c.referrer = cut(doc.referrer, 2048);
    if (nav.language) c.locale = cut(nav.language, 35);
    if (root.location) c.page_url = cut(root.location.href, 2048);
    return c;
  }

  function build(name, fields) {
    var now = Date.now();
    var e = { event_id: uuid(), name: name };
    if (state.shopperId) e.shopper_id = state.shopperId;
    e.anonymous_id = state.anonymousId;
    e.session_id = sessionId(now);
    e.timestamp = new Date(now).toISOString();
    fields = fields || {};
    EVENT_FIELDS.forEach(function (k) {
      var v = fields[k];
      if (v == null) return;
      if (k === 'items') e.items = (Array.isArray(v) ? v : [v]).slice(0, 200).map(normalizeItem);
      else if (k === 'query') e.query = cut(v, 500);
      else if (k === 'filters') e.filters = normalizeFilters(v);
      else if (k === 'currency') e.currency = String(v).toUpperCase();
      else if (k === 'dwell_ms' || k === 'scroll_pct') e[k] = Math.max(0, Math.round(number(v) || 0));
      else if (k === 'value' || k === 'zoom') { if (number(v) != null) e[k] = number(v); }
    });
    if (e.value != null && !e.currency) delete e.value; // the server needs both or neither
    e.context = context();
    return e;
  }

  // ---------------------------------------------------------------- queue and delivery

  function log(level, msg, detail) {
    if (root.console && (level !== 'debug' || (config && config.debug))) {
      (root.console[level] || root.console.log).call(root.console, 'Aisle: ' + msg, detail === undefined ? '' : detail);
    }
  }

  function enqueue(event) {
    state.queue.push(event);
    if (state.queue.length > MAX_QUEUE) state.queue.splice(0, state.queue.length - MAX_QUEUE);
    log('debug', 'queued ' + event.name, event);
    if (state.queue.length >= config.batchSize) flush();
    else schedule(config.flushMs);
  }

  function schedule(ms) {
    if (state.timer || !state.queue.length) return;
    state.timer = setTimeout(function () { state.timer = null; flush(); }, Math.max(0, ms));
  }

  function eventsUrl() { return config.endpoint + '/v1/events'; }

  /** Sends queued events with fetch; retries 429 and 5xx with backoff, drops batches the server refuses. */
  function flush() {
    if (!config || state.inFlight || !state.queue.length) return Promise.resolve();
    var wait = state.retryAt - Date.now();
    if (wait > 0) { schedule(wait); return Promise.resolve(); }
    if (state.timer) { clearTimeout(state.timer); state.timer = null; }
    var batch = state.queue.splice(0, Math.min(MAX_BATCH, Math.max(config.batchSize, 1)));
    var body = JSON.stringify({ events: batch });
    state.inFlight = true;
    var done = function () {
      state.inFlight = false;
      if (state.queue.length >= config.batchSize) flush();
      else schedule(config.flushMs);
    };
    return root.fetch(eventsUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + config.key },
      body: body,
      keepalive: body.length < BEACON_BYTES,
      credentials: 'omit'
    }).then(function (res) {
      if (res.ok) {
        state.failures = 0;
        return res.json().then(function (receipt) {
          if (receipt && receipt.refused > 0) log('warn', receipt.refused + ' event(s) refused', receipt.refused_events);
        }, function () {});
      }
      if (res.status === 429 || res.status >= 500) return retry(batch, res.headers.get('Retry-After'), 'HTTP ' + res.status);
      // Any other 4xx will fail the same way again (bad key, invalid events): drop it so later events still flow.
      return res.text().then(function (text) {
        log('warn', 'dropped ' + batch.length + ' event(s), HTTP ' + res.status, text);
      }, function () {});
    }, function (err) {
      return retry(batch, null, err && err.message);
    }).then(done, done);
  }

  function retry(batch, retryAfter, why) {
    state.queue = batch.concat(state.queue);
    if (state.queue.length > MAX_QUEUE) state.queue.splice(0, state.queue.length - MAX_QUEUE);
    state.failures++;
    var seconds = parseInt(retryAfter, 10);
    // Exponential backoff with jitter so many tabs do not come back at the same instant.
    var backoff = seconds > 0 ? seconds * 1000
      : Math.min(MAX_BACKOFF_MS, 1000 * Math.pow(2, state.failures - 1)) * (0.5 + Math.random() / 2);
    state.retryAt = Date.now() + backoff;
    if (state.failures === 1) log('warn', 'server unavailable (' + why + '); retrying with backoff');
  }

  /** On page hide: the page may never run again, so everything goes out now, by beacon where possible. */
  function flushNow() {
    if (!config || !state.queue.length) return;
    if (state.timer) { clearTimeout(state.timer); state.timer = null; }
    var events = state.queue.splice(0);
    var chunk = [];
    var size = 12;
    var send = function () {
      if (!chunk.length) return;
      var json = JSON.stringify({ events: chunk });
      var sent = false;
      try {
        // sendBeacon cannot set headers: the public key goes in the URL, and text/plain avoids a CORS preflight.
        sent = typeof nav.sendBeacon === 'function' && nav.sendBeacon(
          eventsUrl() + '?key=' + encodeURIComponent(config.key), new Blob([json], { type: 'text/plain' }));
      } catch (e) { sent = false; }
      if (!sent && root.fetch) {
        root.fetch(eventsUrl(), {
          method: 'POST', body: json, keepalive: true, credentials: 'omit',
          headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + config.key }
        }).catch(function () {});
      }
      chunk = [];
      size = 12;
    };
    events.forEach(function (e) {
      var n = JSON.stringify(e).length + 1;
      if (size + n > BEACON_BYTES) send();
      chunk.push(e);
      size += n;
    });
    send();
  }

  // ---------------------------------------------------------------- automatic signals

  function visible() { return !doc || doc.visibilityState !== 'hidden'; }

  /**
   * Sends the visible time on the current product since the last dwell event (so dwell events add up). On hide the
   * clock stops until the page is visible again: pagehide can come while the page still counts as visible.
   */
  function reportDwell(hiding) {
    if (state.visibleSince != null) {
      state.dwellMs += Date.now() - state.visibleSince;
      state.visibleSince = !hiding && visible() ? Date.now() : null;
    }
    var ms = Math.min(Math.round(state.dwellMs), 86400000);
    if (state.item && ms > 0) track('dwell', { items: [state.item], dwell_ms: ms });
    state.dwellMs = 0;
  }

  function scrollDepth() {
    if (!doc || !doc.documentElement) return null;
    var el = doc.documentElement;
    var total = Math.max(el.scrollHeight, doc.body ? doc.body.scrollHeight : 0);
    var view = root.innerHeight || el.clientHeight;
    var room = total - view;
    if (room <= 1) return null; // nothing to scroll: depth says nothing about interest
    var y = root.pageYOffset || el.scrollTop || 0;
    return Math.max(0, Math.min(100, Math.round(y / room * 100)));
  }

  function scrollFields(pct) {
    var f = { scroll_pct: pct };
    if (state.item) f.items = [state.item];
    return f;
  }

  var scrollPending = false;
  function onScroll() {
    if (scrollPending) return;
    scrollPending = true;
    var later = root.requestAnimationFrame || function (f) { return setTimeout(f, 100); };
    later(function () {
      scrollPending = false;
      var pct = scrollDepth();
      if (pct == null || pct <= state.maxScroll) return;
      state.maxScroll = pct;
      var mark = 0;
      SCROLL_MARKS.forEach(function (m) { if (pct >= m) mark = m; });
      if (mark > state.reportedScroll) {
        state.reportedScroll = mark;
        track('scroll', scrollFields(mark));
      }
    });
  }

  function reportScroll() {
    if (state.maxScroll > state.reportedScroll) {
      state.reportedScroll = state.maxScroll;
      track('scroll', scrollFields(state.maxScroll));
    }
  }

  function onHide() {
    reportDwell(true);
    reportScroll();
    flushNow();
  }

  function onVisibility() {
    if (visible()) { if (state.visibleSince == null && state.item && state.consent) state.visibleSince = Date.now(); }
    else onHide();
  }

  /** Click-to-zoom on [data-aisle-zoom][data-item-id]: toggles data-aisle-zoomed and --aisle-zoom for CSS to use. */
  function onClick(ev) {
    var el = ev.target && ev.target.closest ? ev.target.closest('[data-aisle-zoom]') : null;
    if (!el) return;
    var factor = Math.min(100, Math.max(1, number(el.getAttribute('data-aisle-zoom')) || 2));
    if (el.hasAttribute('data-aisle-zoomed')) {
      el.removeAttribute('data-aisle-zoomed');
      el.style.removeProperty('--aisle-zoom');
      return;
    }
    var r = el.getBoundingClientRect();
    if (r.width && r.height) {
      el.style.transformOrigin = ((ev.clientX - r.left) / r.width * 100) + '% ' + ((ev.clientY - r.top) / r.height * 100) + '%';
    }
    el.setAttribute('data-aisle-zoomed', '');
    el.style.setProperty('--aisle-zoom', String(factor));
    var id = el.getAttribute('data-item-id');
    if (id) zoom(id, factor);
  }

  function listen() {
    if (!doc) return;
    doc.addEventListener('visibilitychange', onVisibility);
    root.addEventListener('pagehide', onHide);
    root.addEventListener('scroll', onScroll, { passive: true });
    doc.addEventListener('click', onClick);
  }

  // ---------------------------------------------------------------- consent

  function grant(sendPageView) {
    var first = !state.consent;
    state.consent = true;
    writePersistent(KEYS.consent, 'granted');
    state.anonymousId = readPersistent(KEYS.anonymous);
    if (!validId(state.anonymousId)) {
      state.anonymousId = uuid();
      writePersistent(KEYS.anonymous, state.anonymousId);
    }
    if (state.shopperId) writePersistent(KEYS.shopper, state.shopperId);
    else if (validId(readPersistent(KEYS.shopper))) state.shopperId = readPersistent(KEYS.shopper);
    if (!first) return;
    // The shopper is still on this page: report the page (and product) as seen from now on.
    if (sendPageView && !state.pageViewSent && config.autoPageView) pageView();
    if (state.item && !state.itemViewSent) sendViewItem(state.item, state.itemFields);
    if (state.item) state.visibleSince = visible() ? Date.now() : null;
  }

  function revoke() {
    state.consent = false;
    state.queue = [];
    if (state.timer) { clearTimeout(state.timer); state.timer = null; }
    state.anonymousId = null;
    state.visibleSince = null;
    state.dwellMs = 0;
    [KEYS.consent, KEYS.anonymous, KEYS.shopper].forEach(removePersistent);
    var s = sessionStore();
    if (s) { try { s.removeItem(KEYS.session); } catch (e) { /* nothing stored */ } }
    memorySession = null;
  }

  // ---------------------------------------------------------------- public API

  function init(options) {
    if (config) { log('warn', 'init called twice; the first configuration stays'); return Aisle; }
    var o = options || {};
    if (typeof o.key !== 'string' || !o.key) { log('error', 'init needs { key: <public key> }'); return Aisle; }
    config = {
      endpoint: String(o.endpoint || scriptOrigin || (root.location ? root.location.origin : '')).replace(/\/+$/, ''),
      key: o.key,
      flushMs: number(o.flushMs) > 0 ? number(o.flushMs) : 3000,
      batchSize: Math.min(MAX_BATCH, parseInt(o.batchSize, 10) >= 1 ? parseInt(o.batchSize, 10) : 20),
      autoPageView: o.pageView !== false,
      debug: !!o.debug
    };
    if (o.shopperId != null) identify(o.shopperId);
    listen();
    if (o.consent === true || (o.consent == null && readPersistent(KEYS.consent) === 'granted')) grant(false);
    else if (o.consent === false) revoke();
    if (config.autoPageView && state.consent) pageView();
    return Aisle;
  }

  function pageView() {
    state.pageViewSent = true;
    track('page_view', {});
  }

  /** Grants (true) or withdraws (false) consent. Withdrawing drops queued events and deletes stored ids. */
  function consent(given) {
    if (!config) { log('warn', 'call init before consent'); return; }
    if (given) grant(true);
    else revoke();
  }

  function hasConsent() { return state.consent; }

  /** Sets the signed-in shopper's id (null to forget it); events then carry both shopper_id and anonymous_id. */
  function identify(shopperId) {
    if (shopperId == null || shopperId === '') {
      state.shopperId = null;
      if (state.consent) removePersistent(KEYS.shopper);
      return;
    }
    var id = String(shopperId);
    if (!validId(id)) { log('warn', 'identify: shopper id must be 1-128 characters without / ? #'); return; }
    state.shopperId = id;
    if (state.consent) writePersistent(KEYS.shopper, id);
  }

  /** Queues one event; returns its event_id, or null when it was not recorded (no consent, bad fields). */
  function track(name, fields) {
    if (!config) { log('warn', 'call init before track'); return null; }
    if (!state.consent) return null;
    if (typeof name !== 'string' || !name) { log('warn', 'track needs an event name'); return null; }
    var event;
    try { event = build(name, fields); }
    catch (e) { log('warn', name + ' not recorded: ' + e.message); return null; }
    enqueue(event);
    return event.event_id;
  }

  function money(items, fields) {
    var f = fields || {};
    var currency = f.currency || items.map(function (i) { return i && i.currency; }).filter(Boolean)[0];
    var value = number(f.value);
    if (value == null && currency) {
      value = items.reduce(function (sum, i) {
        var p = number(i && i.price);
        return p == null || sum == null ? null : sum + p * (parseInt(i.quantity, 10) >= 1 ? parseInt(i.quantity, 10) : 1);
      }, 0);
      if (value != null) value = Math.round(value * 100) / 100;
    }
    return currency && value != null ? { value: value, currency: currency } : {};
  }

  // Value (price x quantity, or fields.value) goes with cart, checkout, purchase and view_item, as in GA4.
  var VALUED = { view_item: 1, add_to_cart: 1, remove_from_cart: 1, begin_checkout: 1, purchase: 1, refund: 1 };

  function itemsEvent(name, items, fields) {
    var list = Array.isArray(items) ? items : [items];
    var f = { items: list };
    Object.keys(fields || {}).forEach(function (k) { f[k] = fields[k]; });
    if (VALUED[name]) {
      var m = money(list, fields);
      if (m.currency) { f.value = m.value; f.currency = m.currency; }
    }
    return track(name, f);
  }

  function sendViewItem(item, fields) {
    var id = itemsEvent('view_item', [item], fields);
    state.itemViewSent = id != null;
    return id;
  }

  /** A product page is being viewed; its dwell time and scroll depth are then tracked until the page hides. */
  function viewItem(item, fields) {
    var normalized;
    try { normalized = normalizeItem(item); }
    catch (e) { log('warn', 'viewItem: ' + e.message); return null; }
    if (state.item) reportDwell();
    state.item = normalized;
    state.itemFields = fields || (item && item.currency ? { currency: item.currency } : undefined);
    state.dwellMs = 0;
    state.visibleSince = visible() && state.consent ? Date.now() : null;
    return sendViewItem(item, state.itemFields);
  }

  function zoom(item, factor) {
    return track('image_zoom', { items: [item], zoom: Math.min(100, Math.max(1, number(factor) || 2)) });
  }

  var Aisle = {
    version: VERSION,
    init: init,
    consent: consent,
    hasConsent: hasConsent,
    identify: identify,
    track: track,
    flush: function () { return flush(); },
    pageView: function () { return track('page_view', {}); },
    viewItem: viewItem,
    viewItemList: function (items, fields) { return itemsEvent('view_item_list', items, fields); },
    selectItem: function (item, fields) { return itemsEvent('select_item', [item], fields); },
    search: function (query, fields) {
      var f = { query: String(query == null ? '' : query) };
      Object.keys(fields || {}).forEach(function (k) { f[k] = fields[k]; });
      return track('search', f);
    },
    filter: function (filters) { return track('filter_applied', { filters: filters }); },
    addToCart: function (item, fields) { return itemsEvent('add_to_cart', [item], fields); },
    removeFromCart: function (item, fields) { return itemsEvent('remove_from_cart', [item], fields); },
    beginCheckout: function (items, fields) { return itemsEvent('begin_checkout', items, fields); },
    purchase: function (items, fields) { return itemsEvent('purchase', items, fields); },
    zoom: zoom
  };
  root.Aisle = Aisle;
})(typeof window !== 'undefined' ? window : this);
