// Border Pro field app: records are queued on the phone (IndexedDB) with a client id and
// sent to the API when there is a connection. The API is idempotent by client id, so a
// retry never makes a duplicate, and nothing leaves the queue until the server has it.
// A form keeps one client id from the moment it is opened until the server acknowledges
// the record (kept in sessionStorage with the form's draft): a second tap, a reload or a
// resend is the same record, never a second one.
(function () {
  "use strict";
  var main = document.querySelector("[data-field]");
  if (!main) { return; }
  var API = main.dataset.api;
  var DB_NAME = "bp-field-" + API;
  var STORE = "queue";
  var ENDPOINTS = { inspection: "inspections/", seal: "seal-events/", incident: "incidents/" };
  var sending = false;
  var again = false;

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // --- IndexedDB queue -------------------------------------------------------------
  function db() {
    return new Promise(function (resolve, reject) {
      var open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = function () { open.result.createObjectStore(STORE, { keyPath: "client_id" }); };
      open.onsuccess = function () { resolve(open.result); };
      open.onerror = function () { reject(open.error); };
    });
  }
  function tx(mode, fn) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction(STORE, mode);
        var result = fn(t.objectStore(STORE));
        t.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : result); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }
  var queue = {
    put: function (item) { return tx("readwrite", function (s) { return s.put(item); }); },
    remove: function (id) { return tx("readwrite", function (s) { return s.delete(id); }); },
    all: function () { return tx("readonly", function (s) { return s.getAll(); }); }
  };

  // --- UI helpers ------------------------------------------------------------------
  function toast(text, kind) {
    var el = main.querySelector("[data-toast]");
    el.textContent = text; el.className = "field-toast " + (kind || ""); el.hidden = false;
  }
  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function labelOf(item) {
    return item.label + " · " + readableTime(item.created_at);
  }
  // The page's one date format (borderpro/formats): "4 Dec 2026, 14:05" / "4 déc. 2026, 14 h 05".
  function readableTime(iso) {
    var fr = document.documentElement.lang === "fr";
    return new Date(iso).toLocaleString(fr ? "fr-CA" : "en-GB", {
      day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit"
    });
  }
  function refreshBadge() {
    return queue.all().then(function (items) {
      var badge = document.querySelector("[data-queue-badge]");
      document.querySelectorAll("[data-queue-count]").forEach(function (el) { el.textContent = items.length; });
      if (badge) { badge.hidden = items.length === 0; }
      var list = main.querySelector("[data-queue-list]");
      var empty = main.querySelector("[data-queue-empty]");
      if (list) {
        list.innerHTML = "";
        items.forEach(function (item) {
          var li = document.createElement("li");
          li.textContent = labelOf(item);
          if (item.photos && item.photos.length) {
            var s = document.createElement("small");
            s.textContent = " (+" + item.photos.length + " " + main.dataset.msgPhoto + ")";
            li.appendChild(s);
          }
          if (item.error) {
            var err = document.createElement("p");
            err.className = "field-error-line";
            err.textContent = main.dataset.msgRefused + " " + item.error;
            li.appendChild(err);
            var discard = document.createElement("button");
            discard.type = "button"; discard.className = "btn btn-danger btn-small";
            discard.textContent = main.dataset.msgDiscard;
            discard.addEventListener("click", function () {
              if (window.confirm(main.dataset.msgConfirmDiscard)) { queue.remove(item.client_id).then(refreshBadge); }
            });
            li.appendChild(discard);
          }
          list.appendChild(li);
        });
        if (empty) { empty.hidden = items.length > 0; }
      }
      return items;
    });
  }
  function setOnline() {
    var net = document.querySelector("[data-net]");
    if (!net) { return; }
    var label = net.querySelector("[data-net-label]");
    net.classList.toggle("offline", !navigator.onLine);
    label.textContent = navigator.onLine ? label.dataset.online : label.dataset.offline;
  }

  // --- sending ---------------------------------------------------------------------
  function errorText(body) {
    if (body && body.errors) {
      return body.errors.map(function (e) { return (e.field ? e.field + ": " : "") + e.message; }).join(" ");
    }
    return "";
  }
  function uploadPhoto(photo) {
    var form = new FormData();
    form.append("client_id", photo.client_id);
    form.append("file", photo.blob, photo.name);
    form.append("title", photo.title || "");
    return fetch(API + "field-photos/", {
      method: "POST", body: form, credentials: "same-origin", headers: { "X-CSRFToken": csrf() }
    }).then(function (r) {
      return r.json().then(function (body) {
        if (r.ok) { return body.id; }
        var e = new Error(errorText(body) || r.statusText); e.refused = r.status >= 400 && r.status < 500; throw e;
      });
    });
  }
  function attach(payload, photo, id) {
    if (photo.target === "signature") { payload.signature = id; return; }
    if (photo.target === "photo") { payload.photo = id; return; }
    (payload.points || []).forEach(function (p) {
      if (p.ref === photo.target) { p.photos = p.photos || []; if (p.photos.indexOf(id) < 0) { p.photos.push(id); } }
    });
  }
  function sendOne(item) {
    var chain = Promise.resolve();
    (item.photos || []).forEach(function (photo) {
      chain = chain.then(function () {
        if (photo.id) { return null; }
        return uploadPhoto(photo).then(function (id) {
          photo.id = id; attach(item.payload, photo, id); return queue.put(item);
        });
      });
    });
    return chain.then(function () {
      return fetch(API + ENDPOINTS[item.kind], {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
        body: JSON.stringify(item.payload)
      });
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (r.status === 200 || r.status === 201) { return queue.remove(item.client_id).then(function () { return body; }); }
        var e = new Error(errorText(body) || r.statusText); e.refused = r.status >= 400 && r.status < 500 && r.status !== 401 && r.status !== 403 && r.status !== 429;
        throw e;
      });
    });
  }
  function flush() {
    if (sending) { again = true; return refreshBadge(); }
    if (!navigator.onLine) { return refreshBadge(); }
    sending = true; again = false;
    return queue.all().then(function (items) {
      var chain = Promise.resolve({ sent: 0 });
      // send in the order things happened: a seal is affixed before it is verified
      items.sort(function (a, b) { return (a.order || 0) - (b.order || 0); });
      items.filter(function (i) { return !i.error; }).forEach(function (item) {
        chain = chain.then(function (state) {
          if (state.stop) { return state; }
          return sendOne(item).then(function (body) {
            state.sent += 1;
            document.dispatchEvent(new CustomEvent("field:acked", { detail: { client_id: item.client_id, record: body } }));
            return state;
          }, function (err) {
            if (err.refused) {
              var refusal = { client_id: item.client_id, error: err.message, taken: false };
              document.dispatchEvent(new CustomEvent("field:refused", { detail: refusal }));
              if (refusal.taken) { return queue.remove(item.client_id).then(function () { return state; }); }
              item.error = err.message;
              return queue.put(item).then(function () { return state; });
            }
            state.stop = true; return state; // network trouble: keep everything, try later
          });
        });
      });
      return chain;
    }).then(function (state) {
      sending = false;
      return refreshBadge().then(function (left) {
        if (state.sent && !left.length) { toast(main.dataset.msgSent, "ok"); }
        document.dispatchEvent(new CustomEvent("field:flushed", { detail: { sent: state.sent, left: left.length } }));
        left.forEach(function (item) {
          document.querySelectorAll("form[data-record]").forEach(function (form) {
            if (form.draft && form.draft.client_id === item.client_id && !item.error) { status(form, "queued"); }
          });
        });
        if (again) { flush(); }
        return state;
      });
    }, function () { sending = false; if (again) { flush(); } return refreshBadge(); });
  }
  function enqueue(kind, label, payload, photos) {
    document.querySelectorAll("form[data-record]").forEach(function (form) {
      if (form.draft && form.draft.client_id === payload.client_id && !navigator.onLine) { status(form, "queued"); }
    });
    var item = { client_id: payload.client_id, kind: kind, label: label, payload: payload, photos: photos,
                 created_at: new Date().toISOString(), order: Date.now() + performance.now() % 1, error: "" };
    return queue.put(item).then(function () {
      toast(main.dataset.msgSaved, "info");
      return refreshBadge();
    }).then(flush);
  }
  window.BorderProField = { flush: flush, queue: queue };

  // --- one client id per form until acknowledged -------------------------------------
  function draftKey(form) { return "bp-field-draft:" + API + form.dataset.record; }
  function saveDraft(form) {
    try { sessionStorage.setItem(draftKey(form), JSON.stringify(form.draft)); } catch (e) { /* private mode: kept in memory */ }
  }
  function navigation() {
    var entries = performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    return entries.length ? entries[0].type : "navigate";
  }
  function openDraft(form) {
    var draft = null;
    try { draft = JSON.parse(sessionStorage.getItem(draftKey(form)) || "null"); } catch (e) { draft = null; }
    // a reload (or back) shows the record already sent from this form; opening the form anew
    // after it was sent starts a new record
    if (!draft || !draft.client_id || (draft.submitted && navigation() === "navigate")) {
      draft = { client_id: uuid(), photos: [], submitted: false };
    }
    form.draft = draft;
    saveDraft(form);
    if (draft.submitted) {
      lock(form);
      finish(form, draft.failed, draft.reportQuery);
      form.querySelectorAll(".field-card, fieldset, .field-seg").forEach(function (el) { el.hidden = true; });
      queue.all().then(function (items) {
        var waiting = items.some(function (i) { return i.client_id === draft.client_id; });
        status(form, waiting ? "queued" : "sent");
      });
    }
  }
  function photoId(form, index) {
    while (form.draft.photos.length <= index) { form.draft.photos.push(uuid()); }
    return form.draft.photos[index];
  }
  function lock(form) {
    form.busy = true;
    var submit = form.querySelector("[type=submit]");
    submit.disabled = true; submit.setAttribute("aria-disabled", "true");
    status(form, "sending");
  }
  function unlock(form) {
    form.busy = false;
    form.draft.submitted = false; saveDraft(form);
    var submit = form.querySelector("[type=submit]");
    submit.disabled = false; submit.removeAttribute("aria-disabled"); submit.hidden = false;
    submit.textContent = submit.dataset.label;
    form.querySelectorAll("input, select, textarea, fieldset").forEach(function (el) {
      if (!(el.matches("fieldset[data-checklist]") && el.hidden)) { el.disabled = false; }
    });
    var after = form.querySelector("[data-after]"); if (after) { after.hidden = true; }
  }
  function status(form, state) {
    var submit = form.querySelector("[type=submit]");
    if (!submit.dataset.label) { submit.dataset.label = submit.textContent; }
    var text = { sending: main.dataset.msgSending, queued: main.dataset.msgQueued, sent: main.dataset.msgSentShort }[state];
    submit.textContent = text; form.dataset.state = state;
    var line = form.querySelector("[data-status]");
    if (line) { line.textContent = state === "sent" ? main.dataset.msgSent : (state === "queued" ? main.dataset.msgSaved : text); }
  }
  document.addEventListener("field:acked", function (event) {
    document.querySelectorAll("form[data-record]").forEach(function (form) {
      if (form.draft && form.draft.client_id === event.detail.client_id) { status(form, "sent"); }
    });
  });
  document.addEventListener("field:refused", function (event) {
    document.querySelectorAll("form[data-record]").forEach(function (form) {
      if (!form.draft || form.draft.client_id !== event.detail.client_id || form.hidden) { return; }
      // refused while the form is still open: nothing was stored, so fix and send again
      // (the same client id; what was already uploaded is found again by its own id)
      event.detail.taken = true; // the form takes it back: it leaves the queue
      main.querySelector("[data-toast]").hidden = true;
      unlock(form);
      showErrors(form, [main.dataset.msgRefused + " " + event.detail.error]);
    });
  });

  // --- units in selects --------------------------------------------------------------
  var units = JSON.parse((document.getElementById("units-data") || { textContent: "[]" }).textContent);
  document.querySelectorAll("select[data-units]").forEach(function (select) {
    var kinds = select.dataset.units.split(" ");
    units.filter(function (u) { return kinds.indexOf(u.kind) >= 0; }).forEach(function (u) {
      var o = document.createElement("option"); o.value = u.id; o.textContent = u.number; select.appendChild(o);
    });
  });
  // prefill from the address (?kind=seal&seal=...&unit=...)
  var params = new URLSearchParams(location.search);
  ["kind", "unit", "seal_number", "trip_ref", "summary"].forEach(function (name) {
    var el = document.querySelector(".field-form [name=" + name + "]");
    if (el && params.get(name) && el.type !== "radio") { el.value = params.get(name); }
  });

  // --- photos ----------------------------------------------------------------------
  function addThumbs(input) {
    var box = input.closest(".field-point, .field-card").querySelector("[data-thumbs]");
    if (input.hasAttribute("data-single")) { box.innerHTML = ""; }
    Array.prototype.forEach.call(input.files, function (file) {
      var img = document.createElement("img");
      img.src = URL.createObjectURL(file); img.alt = file.name; img.width = 64; img.height = 48;
      img.fileRef = file; box.appendChild(img);
    });
  }
  document.addEventListener("change", function (event) {
    var t = event.target;
    if (t.matches("input[data-photo]")) { addThumbs(t); }
    if (t.matches(".field-point input[type=radio]")) {
      var point = t.closest(".field-point");
      point.classList.remove("is-pass", "is-fail", "is-na");
      point.classList.add("is-" + t.value);
      point.querySelector(".field-fail-extra").hidden = t.value !== "fail";
      updateProgress(point.closest("fieldset"));
    }
    if (t.matches("[data-checklist-select]")) { showChecklist(t.value); }
    if (t.matches(".field-seg input")) { showKind(t.value); }
  });
  function photosIn(form, scope, target, counter) {
    var out = [];
    scope.querySelectorAll("[data-thumbs] img").forEach(function (img, i) {
      out.push({ client_id: photoId(form, counter.n++), blob: img.fileRef, name: img.fileRef.name || ("photo-" + i + ".jpg"), target: target, title: target });
    });
    return out;
  }

  // --- signature -------------------------------------------------------------------
  var canvas = document.querySelector("[data-signature]");
  var signed = false;
  if (canvas) {
    var ctx = canvas.getContext("2d");
    ctx.lineWidth = 3; ctx.lineCap = "round"; ctx.strokeStyle = "#0d1b26";
    var drawing = false;
    var pos = function (e) {
      var r = canvas.getBoundingClientRect();
      return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
    };
    canvas.addEventListener("pointerdown", function (e) { drawing = true; var p = pos(e); ctx.beginPath(); ctx.moveTo(p.x, p.y); canvas.setPointerCapture(e.pointerId); });
    canvas.addEventListener("pointermove", function (e) { if (!drawing) { return; } var p = pos(e); ctx.lineTo(p.x, p.y); ctx.stroke(); signed = true; });
    canvas.addEventListener("pointerup", function () { drawing = false; });
    document.querySelector("[data-signature-clear]").addEventListener("click", function () { ctx.clearRect(0, 0, canvas.width, canvas.height); signed = false; });
  }
  // A typed name is the keyboard and screen-reader alternative to drawing: written onto the
  // pad when nothing was drawn, so the record keeps one signature image either way.
  function typedSignature() {
    var typed = document.querySelector("[data-signature-typed]");
    var name = typed ? typed.value.trim() : "";
    if (!canvas || signed || !name) { return signed; }
    var pad = canvas.getContext("2d");
    pad.clearRect(0, 0, canvas.width, canvas.height);
    pad.fillStyle = "#0d1b26";
    pad.font = "italic 56px 'Segoe Script', 'Brush Script MT', cursive";
    pad.fillText(name, 24, canvas.height * 0.62, canvas.width - 48);
    return true;
  }
  function signatureBlob() {
    return new Promise(function (resolve) {
      if (!canvas || !typedSignature()) { resolve(null); return; }
      canvas.toBlob(function (blob) { resolve(blob); }, "image/png");
    });
  }

  // --- inspection form -------------------------------------------------------------
  function activeFieldset() { return document.querySelector("fieldset[data-checklist]:not([hidden])"); }
  function showChecklist(code) {
    document.querySelectorAll("fieldset[data-checklist]").forEach(function (fs) {
      var on = fs.dataset.checklist === code; fs.hidden = !on; fs.disabled = !on;
    });
  }
  function updateProgress(fs) {
    if (!fs) { return; }
    var done = fs.querySelectorAll(".field-point input[type=radio]:checked").length;
    fs.querySelector("[data-progress]").textContent = done;
  }
  document.addEventListener("click", function (event) {
    var allPass = event.target.closest("[data-all-pass]");
    if (allPass) {
      var fs = allPass.closest("fieldset");
      fs.querySelectorAll(".field-point").forEach(function (point) {
        if (!point.querySelector("input:checked")) {
          var r = point.querySelector("input[value=pass]"); r.checked = true;
          r.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
    }
    if (event.target.closest("[data-flush]")) { flush(); }
    var gps = event.target.closest("[data-gps]");
    if (gps && navigator.geolocation) {
      navigator.geolocation.getCurrentPosition(function (p) {
        var f = gps.form;
        f.latitude.value = p.coords.latitude.toFixed(6); f.longitude.value = p.coords.longitude.toFixed(6);
        gps.textContent = gps.dataset.done;
      }, function () { gps.textContent = gps.dataset.fail; }, { timeout: 10000 });
    }
  });
  function showErrors(form, messages) {
    var box = form.querySelector("[data-errors]");
    box.textContent = messages.join(" "); box.hidden = messages.length === 0;
    if (messages.length) { box.scrollIntoView({ block: "center" }); }
    return messages.length === 0;
  }
  function finish(form, failed, reportQuery) {
    form.draft.submitted = true; form.draft.failed = !!failed; form.draft.reportQuery = reportQuery || "";
    saveDraft(form);
    var after = form.querySelector("[data-after]"); after.hidden = false;
    var warn = form.querySelector("[data-failed]");
    if (warn) {
      warn.hidden = !failed;
      var link = warn.querySelector("[data-report-link]");
      if (link && reportQuery) { link.href = main.dataset.base + "report/?" + reportQuery; }
    }
    form.querySelectorAll("input, select, textarea, fieldset").forEach(function (el) { if (!el.closest("[data-after]")) { el.disabled = true; } });
    var held = form.querySelector("[data-held]"); if (held) { held.hidden = true; }
    after.scrollIntoView({ block: "center" });
  }
  function value(form, name) { var el = form.elements[name]; return el ? (el.value || "").trim() : ""; }

  function submitInspection(form) {
    var submit = form.querySelector("[type=submit]");
    var fs = activeFieldset();
    var errors = [];
    var points = [];
    var photos = [];
    var missing = [];
    var failNote = [];
    var counter = { n: 0 };
    fs.querySelectorAll(".field-point").forEach(function (el, i) {
      var checked = el.querySelector("input[type=radio]:checked");
      var ref = el.dataset.point;
      if (!checked) { missing.push(i + 1); return; }
      var note = el.querySelector("[data-note]").value.trim();
      var pointPhotos = photosIn(form, el, ref, counter);
      if (checked.value === "fail" && !note && !pointPhotos.length) { failNote.push(i + 1); }
      points.push({ ref: ref, result: checked.value, note: note, photos: [] });
      photos = photos.concat(pointPhotos);
    });
    if (missing.length) { errors.push(submit.dataset.msgMissing + " " + missing.join(", ") + "."); }
    if (failNote.length) { errors.push(submit.dataset.msgFailnote + " " + failNote.join(", ") + "."); }
    if (!value(form, "tractor") && !value(form, "trailer")) { errors.push(submit.dataset.msgUnit); }
    if (!showErrors(form, errors)) { return; }
    lock(form);
    var payload = {
      client_id: form.draft.client_id, checklist: value(form, "checklist"), place: value(form, "place"),
      tractor: value(form, "tractor") || null, trailer: value(form, "trailer") || null,
      trip_ref: value(form, "trip_ref"), seal_number: value(form, "seal_number"),
      latitude: value(form, "latitude") || null, longitude: value(form, "longitude") || null,
      inspector_name: value(form, "inspector_name"), supervisor_name: value(form, "supervisor_name"),
      note: value(form, "note"), inspected_at: new Date().toISOString(), points: points
    };
    var failed = points.some(function (p) { return p.result === "fail"; });
    var unitSelect = form.elements.trailer.value ? form.elements.trailer : form.elements.tractor;
    var label = form.elements.checklist.selectedOptions[0].textContent + " · " + unitSelect.selectedOptions[0].textContent;
    signatureBlob().then(function (blob) {
      if (blob) { photos.push({ client_id: photoId(form, counter.n++), blob: blob, name: "signature.png", target: "signature", title: "signature" }); }
      finish(form, failed, "kind=other&unit=" + encodeURIComponent(unitSelect.value) + "&summary=" + encodeURIComponent(label));
      return enqueue("inspection", label, payload, photos);
    });
  }

  // --- seal form -------------------------------------------------------------------
  function showKind(kind) {
    document.querySelectorAll("[data-show]").forEach(function (el) { el.hidden = el.dataset.show !== kind; });
  }
  function submitSeal(form) {
    var submit = form.querySelector("[type=submit]");
    var kind = form.querySelector(".field-seg input:checked").value;
    var errors = [];
    if (!value(form, "seal_number")) { errors.push(submit.dataset.msgSeal); }
    if (kind === "affixed" && !value(form, "unit")) { errors.push(submit.dataset.msgUnit); }
    var match = form.querySelector("input[name=number_matches]:checked");
    if (kind === "verified" && !match) { errors.push(submit.dataset.msgMatch); }
    if (!showErrors(form, errors)) { return; }
    lock(form);
    var payload = {
      client_id: form.draft.client_id, kind: kind, seal_number: value(form, "seal_number"), unit: value(form, "unit") || null,
      trip_ref: value(form, "trip_ref"), actor_name: value(form, "actor_name"), note: value(form, "note"),
      occurred_at: new Date().toISOString()
    };
    if (kind === "affixed") { payload.bill_of_lading = value(form, "bill_of_lading"); payload.shipper = value(form, "shipper"); payload.subcarrier_code = value(form, "subcarrier_code").toUpperCase(); }
    var problem = false;
    if (kind === "verified") {
      payload.stage = value(form, "stage");
      ["viewed", "verified", "tugged", "twisted"].forEach(function (n) { payload[n] = form.elements[n].checked; if (!payload[n]) { problem = true; } });
      payload.number_matches = match.value === "true";
      if (!payload.number_matches) { problem = true; }
    }
    if (kind === "removed") { payload.authority = value(form, "authority"); payload.replacement_number = value(form, "replacement_number"); }
    if (kind === "missing") { problem = true; }
    var photos = photosIn(form, form, "photo", { n: 0 });
    var label = form.querySelector(".field-seg input:checked + span").textContent + " · " + payload.seal_number;
    finish(form, problem, "kind=seal&seal_number=" + encodeURIComponent(payload.seal_number) + "&unit=" + encodeURIComponent(payload.unit || "") + "&trip_ref=" + encodeURIComponent(payload.trip_ref));
    enqueue("seal", label, payload, photos.slice(0, 1));
  }

  // --- incident form ---------------------------------------------------------------
  function submitIncident(form) {
    var submit = form.querySelector("[type=submit]");
    if (!showErrors(form, value(form, "summary") && value(form, "location") && value(form, "discovered_by") ? [] : [submit.dataset.msgRequired])) { return; }
    lock(form);
    var payload = {
      client_id: form.draft.client_id, kind: value(form, "kind"), summary: value(form, "summary"), location: value(form, "location"),
      unit: value(form, "unit") || null, seal_number: value(form, "seal_number"), trip_ref: value(form, "trip_ref"),
      us_bound: form.elements.us_bound.checked, details: value(form, "details"),
      discovered_by: value(form, "discovered_by"), discovered_at: new Date().toISOString()
    };
    var label = form.elements.kind.selectedOptions[0].textContent + " · " + payload.summary;
    finish(form, false);
    enqueue("incident", label, payload, []);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-record]");
    if (!form) { return; }
    event.preventDefault();
    if (form.busy) { return; } // a second tap while sending or after: the same record, sent once
    ({ inspection: submitInspection, seal: submitSeal, incident: submitIncident })[form.dataset.record](form);
  });

  // --- held units ------------------------------------------------------------------
  function showHeld(form) {
    var box = form.querySelector("[data-held]");
    if (!box) { return; }
    var held = Array.prototype.map.call(form.querySelectorAll("select[data-units]"), function (select) {
      var unit = units.filter(function (u) { return u.id === select.value; })[0];
      return unit && unit.status === "held" ? unit.number : null;
    }).filter(Boolean);
    box.querySelector("[data-held-units]").textContent = held.join(", ");
    box.hidden = held.length === 0;
  }
  document.querySelectorAll("select[data-units] option").forEach(function (o) {
    var unit = units.filter(function (u) { return u.id === o.value; })[0];
    if (unit && unit.status === "held" && main.dataset.msgHeldOption) { o.textContent = unit.number + " — " + main.dataset.msgHeldOption; }
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches("select[data-units]")) { showHeld(event.target.form); }
  });

  // --- start -----------------------------------------------------------------------
  document.querySelectorAll("form[data-record]").forEach(function (form) { openDraft(form); showHeld(form); });
  var seg = document.querySelector(".field-seg input:checked");
  if (seg) { showKind(seg.value); }
  window.addEventListener("online", function () { setOnline(); flush(); });
  window.addEventListener("offline", setOnline);
  setOnline();
  refreshBadge().then(flush);
  setInterval(flush, 15000);
  if ("serviceWorker" in navigator && main.dataset.sw) {
    navigator.serviceWorker.register(main.dataset.sw, { scope: main.dataset.base }).catch(function () {});
  }
})();
