// The demo store's page glue: wires the markup (data-* attributes rendered by the server) to the Aisle tracker.
(function () {
  'use strict';
  var body = document.body;
  if (!window.Aisle || !body.dataset.aisleKey) return;
  Aisle.init({ key: body.dataset.aisleKey, flushMs: 2000, batchSize: 10 });

  function itemOf(el) {
    return { item_id: el.dataset.itemId, price: el.dataset.price, currency: el.dataset.currency,
             index: el.dataset.index, quantity: 1 };
  }

  function toast(text) {
    var t = document.getElementById('toast');
    if (!t) return;
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { t.hidden = true; }, 2500);
  }

  var banner = document.getElementById('consent');
  if (banner && !Aisle.hasConsent()) {
    banner.hidden = false;
    banner.addEventListener('click', function (ev) {
      var choice = ev.target.getAttribute('data-consent');
      if (!choice) return;
      banner.hidden = true;
      if (choice === 'yes') {
        Aisle.consent(true);
        listingEvents(); // the listing was seen before consent; report it as seen from now on
      }
    });
  }

  // The cart lives in this tab only: the demo is about the events, not about checkout.
  function cartCount(add) {
    var n = 0;
    try { n = parseInt(sessionStorage.getItem('demo_cart') || '0', 10) + (add || 0); } catch (e) { n = add || 0; }
    if (add && Aisle.hasConsent()) { try { sessionStorage.setItem('demo_cart', String(n)); } catch (e) { /* no storage */ } }
    var el = document.getElementById('cart-count');
    if (el) el.textContent = String(n);
  }
  cartCount(0);

  var main = document.querySelector('main[data-page]');
  var page = main ? main.dataset.page : '';
  var listingSent = false;

  function listingEvents() {
    if (page !== 'list' || listingSent || !Aisle.hasConsent()) return;
    listingSent = true;
    if (main.dataset.query) Aisle.search(main.dataset.query);
    if (main.dataset.category) Aisle.filter({ category: [main.dataset.category] });
    var cards = Array.prototype.slice.call(main.querySelectorAll('a.card[data-item-id]'));
    if (cards.length) Aisle.viewItemList(cards.map(itemOf));
  }

  if (page === 'list') {
    listingEvents();
    main.addEventListener('click', function (ev) {
      var card = ev.target.closest('a.card[data-item-id]');
      if (card) Aisle.selectItem(itemOf(card)); // sent by beacon as the page unloads
    });
  } else if (page === 'product') {
    var item = itemOf(main);
    Aisle.viewItem(item);
    var button = document.getElementById('add-to-cart');
    if (button) {
      button.addEventListener('click', function () {
        Aisle.addToCart(item);
        cartCount(1);
        toast('Added to cart');
      });
    }
  }
})();
