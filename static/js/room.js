// A live room: chat (acknowledged, retried with client ids), presence, typing, unread
// counts, and the room's co-edited documents. Reconnects with backoff and resynchronises
// from the server's welcome frame. Strings come from the page (Django's gettext).
(function () {
  "use strict";
  var root = document.getElementById("room");
  var configNode = document.getElementById("room-config");
  if (!root || !configNode) return;
  var config = JSON.parse(configNode.textContent);
  var t = config.strings;
  var scheme = location.protocol === "https:" ? "wss://" : "ws://";
  var $ = function (role) { return root.querySelector('[data-role="' + role + '"]'); };
  var log = $("log"), statusLine = $("status"), presenceList = $("presence"), typingLine = $("typing");
  var form = $("form"), older = $("older"), unreadBadge = $("unread");
  var outboxKey = "vc-outbox:" + config.room;
  var outbox = loadOutbox();          // client_id -> body, until the server acknowledges it
  var shown = {};                     // message id -> element
  var oldestId = null, unreadCount = 0, socket = null, attempt = 0, heartbeat = null, typers = {};

  function loadOutbox() {
    try { return JSON.parse(localStorage.getItem(outboxKey) || "{}"); } catch (e) { return {}; }
  }
  function saveOutbox() {
    try { localStorage.setItem(outboxKey, JSON.stringify(outbox)); } catch (e) { /* private mode */ }
  }
  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_m, key) { return values[key]; });
  }
  function setStatus(text, offline) {
    statusLine.textContent = text;
    statusLine.classList.toggle("offline", !!offline);
  }
  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function renderMessage(message, prepend) {
    if (shown[message.id]) return;
    var pending = log.querySelector('[data-client-id="' + CSS.escape(message.client_id) + '"]');
    var item = pending || document.createElement("li");
    item.className = "";
    item.dataset.id = message.id;
    item.innerHTML = "";
    var who = document.createElement("span"); who.className = "who"; who.textContent = message.author.name;
    var when = document.createElement("time"); when.className = "when"; when.dateTime = message.created_at;
    when.textContent = new Date(message.created_at).toLocaleTimeString();
    var body = document.createElement("div"); body.className = "body";
    body.innerHTML = message.html; // sanitised by the server (nh3)
    item.append(who, when, body);
    shown[message.id] = item;
    if (!pending) {
      if (prepend) log.insertBefore(item, log.firstChild); else log.appendChild(item);
    }
    if (oldestId === null || message.id < oldestId) oldestId = message.id;
    if (!prepend) log.scrollTop = log.scrollHeight;
  }
  function renderPending(clientId, text) {
    if (log.querySelector('[data-client-id="' + CSS.escape(clientId) + '"]')) return;
    var item = document.createElement("li");
    item.className = "pending"; item.dataset.clientId = clientId;
    item.textContent = text + " · " + t.sending;
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }
  function setUnread(count) {
    unreadCount = count;
    unreadBadge.hidden = !count;
    unreadBadge.textContent = count ? format(t.unread, { count: count }) : "";
  }
  function renderPresence(people) {
    presenceList.innerHTML = "";
    people.forEach(function (person) {
      var li = document.createElement("li"); li.textContent = person.name; li.dataset.userId = person.id;
      presenceList.appendChild(li);
    });
  }
  function renderTyping() {
    var now = Date.now(), names = [];
    Object.keys(typers).forEach(function (id) {
      if (typers[id].until > now) names.push(typers[id].name); else delete typers[id];
    });
    typingLine.textContent = names.length ? format(t.typing, { name: names.join(", ") }) : "";
  }
  setInterval(renderTyping, 1000);

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(frame)); return true; }
    return false;
  }
  function flushOutbox() {
    Object.keys(outbox).forEach(function (clientId) {
      renderPending(clientId, outbox[clientId]);
      send({ type: "chat.send", client_id: clientId, body: outbox[clientId] });
    });
  }

  function connect() {
    setStatus(t.connecting);
    socket = new WebSocket(scheme + location.host + config.room);
    socket.onopen = function () { attempt = 0; };
    socket.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      switch (frame.type) {
        case "welcome": // the room's state: (re)synchronise from it
          setStatus(t.connected);
          frame.history.forEach(function (m) { renderMessage(m, false); });
          older.hidden = frame.history.length < 50;
          setUnread(frame.unread);
          renderPresence(frame.presence);
          flushOutbox();
          if (document.visibilityState === "visible") send({ type: "read" });
          clearInterval(heartbeat);
          heartbeat = setInterval(function () { send({ type: "heartbeat" }); }, 15000);
          break;
        case "chat.ack":
          delete outbox[frame.client_id]; saveOutbox();
          renderMessage(frame.message, false);
          break;
        case "chat.message":
          renderMessage(frame.message, false);
          delete typers[frame.message.author.id]; renderTyping();
          if (document.visibilityState === "visible") send({ type: "read", id: frame.message.id });
          else setUnread(unreadCount + 1);
          break;
        case "history":
          for (var i = frame.messages.length - 1; i >= 0; i--) renderMessage(frame.messages[i], true);
          older.hidden = frame.messages.length < 50;
          break;
        case "presence": renderPresence(frame.presence); break;
        case "typing": typers[frame.user.id] = { name: frame.user.name, until: Date.now() + 4000 }; renderTyping(); break;
        case "unread": setUnread(frame.count); break;
        case "error":
          if (frame.code === "removed") { setStatus(t.removed, true); socket.onclose = null; return; }
          setStatus(frame.code === "rate_limited" ? t.rate_limited : (frame.message || t.error), true);
          break;
      }
    };
    socket.onclose = function (event) {
      clearInterval(heartbeat);
      if (event.code === 4401 || event.code === 4403) { setStatus(t.removed, true); return; }
      setStatus(t.offline, true);
      // Exponential backoff with jitter, at most 3 s, so a browser is back within seconds of the server;
      // 4503 (the server cannot reach PostgreSQL or Redis, see docs/operations.md) retries the same way.
      var delay = Math.min(3000, 250 * Math.pow(2, attempt++)) * (0.5 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var field = form.elements.body, text = field.value.trim();
    if (!text) return;
    var clientId = newClientId();
    outbox[clientId] = text; saveOutbox();
    renderPending(clientId, text);
    field.value = "";
    send({ type: "chat.send", client_id: clientId, body: text });
  });
  form.elements.body.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); return; }
    var now = Date.now();
    if (!form.dataset.typedAt || now - form.dataset.typedAt > 2500) { form.dataset.typedAt = now; send({ type: "typing" }); }
  });
  older.addEventListener("click", function () { send({ type: "history", before: oldestId }); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") send({ type: "read" });
  });
  // Messages not yet acknowledged are retried every 5 s on top of the retry at reconnect.
  setInterval(function () { if (Object.keys(outbox).length) flushOutbox(); }, 5000);
  connect();

  // Co-edited documents of the room.
  window.vcEditors = {};
  // A reader (the server says so on connect, the page when rendered) cannot type into the editor:
  // the server refuses a reader's edits anyway.
  function makeReadOnly(element, editor) {
    if (element.dataset.editable === "false" && element.dataset.locked) return;
    element.dataset.editable = "false";
    element.dataset.locked = "1";
    var content = editor.view.contentDOM;
    content.setAttribute("contenteditable", "false");
    content.setAttribute("aria-readonly", "true");
    ["beforeinput", "paste", "drop", "cut"].forEach(function (type) {
      element.addEventListener(type, function (event) { event.preventDefault(); event.stopPropagation(); }, true);
    });
    var note = root.querySelector('[data-role="doc-read-only"][data-doc="' + element.dataset.doc + '"]');
    if (note) note.hidden = false;
  }
  root.querySelectorAll(".editor[data-doc]").forEach(function (element) {
    var name = element.dataset.doc;
    var badge = root.querySelector('[data-role="doc-status"][data-doc="' + name + '"]');
    var readOnly = function () { return element.dataset.editable === "false"; };
    var editor = window.vcEditors[name] = VCCollab.mount(element, {
      serverUrl: scheme + location.host + config.docs,
      name: name,
      user: config.me,
      onSync: function (synced) { badge.textContent = readOnly() ? t.read_only : (synced ? t.synced : t.syncing); },
      onStatus: function (status) { if (status !== "connected") badge.textContent = t.offline; },
      onEditors: function (names) { badge.title = t.editors + ": " + names.join(", "); },
      onError: function (error) {
        if (error.code === "read_only") { makeReadOnly(element, editor); badge.textContent = t.read_only; return; }
        badge.textContent = error.message || t.error;
      },
    });
    if (readOnly()) makeReadOnly(element, editor);
  });
})();
