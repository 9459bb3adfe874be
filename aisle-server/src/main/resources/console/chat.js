// The demo store's chat panel: starts a conversation with the shopping assistant and shows each answer as it
// streams (server-sent events over a POST, read with fetch). Text is only ever set as textContent.
(() => {
  const root = document.getElementById('aisle-chat');
  if (!root) return;
  const key = document.body.dataset.aisleKey;
  const body = root.querySelector('.chat-body');
  const toggle = root.querySelector('.chat-toggle');
  const log = root.querySelector('.chat-log');
  const form = root.querySelector('.chat-form');
  const headers = {'Content-Type': 'application/json', 'Authorization': 'Bearer ' + key};
  // The conversation needs an owner. Nothing is stored on the device before the shopper accepts the store's
  // consent banner: until then the id lives in this page only; after it, the tab keeps it across pages.
  const consented = () => { try { return localStorage.getItem('aisle_consent') === 'granted'; } catch (e) { return false; } };
  const kept = (name) => { try { return consented() ? sessionStorage.getItem(name) : null; } catch (e) { return null; } };
  const keep = (name, value) => { try { if (consented()) sessionStorage.setItem(name, value); } catch (e) { /* storage off */ } };
  let shopper = kept('aisle.chat.shopper');
  let conversation = kept('aisle.chat.conversation');

  toggle.addEventListener('click', () => {
    body.hidden = !body.hidden;
    toggle.setAttribute('aria-expanded', String(!body.hidden));
    if (!body.hidden) form.message.focus();
  });

  function bubble(role, text) {
    const li = document.createElement('li');
    li.className = 'chat-msg ' + role;
    li.textContent = text;
    log.appendChild(li);
    log.scrollTop = log.scrollHeight;
    return li;
  }

  async function start() {
    if (!shopper) shopper = 'chat-' + Math.random().toString(36).slice(2, 12);
    keep('aisle.chat.shopper', shopper);
    const r = await fetch('/v1/assistant/conversations', {method: 'POST', headers, body: JSON.stringify({shopper_id: shopper})});
    if (!r.ok) throw new Error('could not start a conversation (' + r.status + ')');
    conversation = (await r.json()).conversation_id;
    keep('aisle.chat.conversation', conversation);
  }

  function money(price) {
    try {
      return new Intl.NumberFormat('en', {style: 'currency', currency: price.currency}).format(price.amount);
    } catch (e) {
      return price.amount + ' ' + price.currency;
    }
  }

  function showCards(li, cards) {
    if (!cards.length) return;
    const ul = document.createElement('ul');
    ul.className = 'chat-cards';
    for (const c of cards) {
      const a = document.createElement('a');
      a.href = c.url || ('/store/products/' + encodeURIComponent(c.item_id));
      a.textContent = c.title + ' · ' + money(c.price) + (c.in_stock ? '' : ' · out of stock');
      const item = document.createElement('li');
      item.appendChild(a);
      ul.appendChild(item);
    }
    li.after(ul);
  }

  async function send(message) {
    if (!conversation) await start();
    let r = await post(message);
    if (r.status === 404) { // expired or evicted: start over once
      await start();
      r = await post(message);
    }
    if (!r.ok) {
      const problem = await r.json().catch(() => ({}));
      bubble('assistant', problem.detail || ('Sorry, something went wrong (' + r.status + ').'));
      return;
    }
    const li = bubble('assistant', '');
    let cards = [];
    const reader = r.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, {stream: true});
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const raw = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = (raw.match(/^event: (.*)$/m) || [])[1];
        const data = (raw.match(/^data: (.*)$/m) || [])[1];
        if (!data) continue;
        const json = JSON.parse(data);
        if (event === 'delta') { li.textContent += json.text; log.scrollTop = log.scrollHeight; }
        if (event === 'cards') cards = json;
      }
    }
    showCards(li, cards);
  }

  function post(message) {
    return fetch('/v1/assistant/conversations/' + encodeURIComponent(conversation) + '/messages', {
      method: 'POST', headers: {...headers, 'Accept': 'text/event-stream'},
      body: JSON.stringify({shopper_id: shopper, message})
    });
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const message = form.message.value.trim();
    if (!message) return;
    form.message.value = '';
    bubble('user', message);
    form.querySelector('button').disabled = true;
    try {
      await send(message);
    } catch (err) {
      bubble('assistant', 'Sorry, the assistant is unavailable right now.');
    } finally {
      form.querySelector('button').disabled = false;
      form.message.focus();
    }
  });
})();
