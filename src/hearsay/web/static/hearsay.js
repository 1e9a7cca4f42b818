// hearsay pages: statement tooltips on hover and keyboard focus, and uploads with progress.
// No library and no network beyond this server; every piece of text goes in as textContent.
"use strict";

function setUpTips() {
  const tip = document.getElementById("tip");
  const article = document.getElementById("article-text");
  if (!tip || !article) return;
  // The native title tooltip would double ours: keep the text in data-tip only.
  for (const el of article.querySelectorAll("[data-tip]")) el.removeAttribute("title");
  let shownFor = null;

  function show(el) {
    const text = el.getAttribute("data-tip");
    if (!text) return;
    const id = el.getAttribute("data-statement");
    for (const part of article.querySelectorAll(".is-active")) part.classList.remove("is-active");
    for (const part of article.querySelectorAll('[data-statement="' + CSS.escape(id) + '"]')) {
      part.classList.add("is-active");
    }
    tip.textContent = text;
    tip.hidden = false;
    const box = el.getBoundingClientRect();
    tip.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + window.innerWidth - tip.offsetWidth - 8)) + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
    el.setAttribute("aria-describedby", "tip");
    shownFor = el;
  }

  function hide() {
    tip.hidden = true;
    for (const part of article.querySelectorAll(".is-active")) part.classList.remove("is-active");
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    shownFor = null;
  }

  function owner(target) {
    // The innermost statement span: a cue or source wins over the content around it.
    return target instanceof Element ? target.closest("[data-tip]") : null;
  }

  article.addEventListener("mouseover", (event) => { const el = owner(event.target); if (el) show(el); });
  article.addEventListener("mouseleave", hide);
  article.addEventListener("focusin", (event) => {
    const el = owner(event.target);
    if (el) show(el); else hide();
  });
  article.addEventListener("focusout", hide);
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") hide(); });
}

// A link to #s-ID lands on a statement's content (CSS :target marks its first part); mark its
// other parts too (a content is cut where a nested span crosses its end).
function setUpTargets() {
  const article = document.getElementById("article-text");
  if (!article) return;
  function mark() {
    for (const part of article.querySelectorAll(".is-target")) part.classList.remove("is-target");
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id.startsWith("s-")) return;
    const first = document.getElementById(id);
    if (!first || !article.contains(first)) return;
    const statement = first.getAttribute("data-statement");
    for (const part of article.querySelectorAll('.hl-content[data-statement="' + CSS.escape(statement) + '"]')) {
      part.classList.add("is-target");
    }
  }
  window.addEventListener("hashchange", mark);
  mark();
}

// A card's "in the text" link lands on its highlight, which gets a link back to the card; a link
// to a card opens the folded list it sits in and focuses it (the browser's Back works as well).
function setUpBackLinks() {
  const article = document.getElementById("article-text");
  if (!article) return;
  let back = null;
  function place() {
    if (back) { back.remove(); back = null; }
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id.startsWith("statement-")) {
      const card = document.getElementById(id);
      if (!card) return;
      const folded = card.closest("details");
      if (folded) folded.open = true;
      card.focus();
      return;
    }
    if (!id.startsWith("s-")) return;
    const first = document.getElementById(id);
    if (!first || !article.contains(first)) return;
    back = document.createElement("a");
    back.className = "back-to-card";
    back.href = "#statement-" + first.getAttribute("data-statement");
    back.textContent = "↓ back to the statement";
    first.after(back);
    first.setAttribute("tabindex", "-1");
    first.focus({ preventScroll: true });
  }
  window.addEventListener("hashchange", place);
  place();
  // Alt+Shift+S goes to the statements in every browser (the link's accesskey does in most).
  document.addEventListener("keydown", (event) => {
    if (!(event.altKey && event.shiftKey && event.code === "KeyS")) return;
    const heading = document.getElementById("statements-title");
    if (!heading) return;
    event.preventDefault();
    window.location.hash = "statements-title";
    heading.focus();
  });
}

// Zoom and pan for a wide graph: buttons scale the SVG, its box scrolls, and dragging pans it.
// Without script the box still scrolls; the page's list of links says the same in words.
function setUpZoom() {
  for (const box of document.querySelectorAll("[data-zoom]")) {
    const svg = box.querySelector("svg");
    if (!svg) continue;
    const width = Number(svg.getAttribute("width")), height = Number(svg.getAttribute("height"));
    if (!width || !height) continue;
    let scale = 1;
    const bar = document.createElement("div");
    bar.className = "zoom-bar";
    const shown = document.createElement("span");
    shown.setAttribute("aria-live", "polite");
    function apply() {
      svg.setAttribute("width", String(Math.round(width * scale)));
      svg.setAttribute("height", String(Math.round(height * scale)));
      shown.textContent = Math.round(scale * 100) + "%";
    }
    function button(text, label, change) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.setAttribute("aria-label", label);
      b.addEventListener("click", () => { scale = change(scale); apply(); });
      bar.append(b);
    }
    button("−", "Zoom out", (s) => Math.max(0.25, s / 1.25));
    button("+", "Zoom in", (s) => Math.min(4, s * 1.25));
    button("Fit", "Fit the graph to the box", () => Math.min(1, (box.clientWidth - 16) / width));
    button("100%", "100%, the actual size", () => 1);
    bar.append(shown);
    box.before(bar);
    let drag = null;
    box.addEventListener("pointerdown", (e) => {
      if (e.target instanceof Element && e.target.closest("a")) return;
      drag = { x: e.clientX, y: e.clientY, left: box.scrollLeft, top: box.scrollTop };
      box.classList.add("dragging");
    });
    window.addEventListener("pointermove", (e) => {
      if (!drag) return;
      box.scrollLeft = drag.left - (e.clientX - drag.x);
      box.scrollTop = drag.top - (e.clientY - drag.y);
    });
    window.addEventListener("pointerup", () => { drag = null; box.classList.remove("dragging"); });
    apply();
  }
}

function setUpUpload() {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const bar = document.getElementById("upload-progress");
  const percent = document.getElementById("upload-percent");
  const status = document.getElementById("upload-status");
  const results = document.getElementById("upload-results");

  function say(text, failed) {
    status.textContent = text;
    status.classList.toggle("failed", Boolean(failed));
  }

  function progress(value) {
    bar.value = value;
    bar.textContent = value + "%";
    percent.textContent = value + "%";
  }

  function listResult(answer) {
    for (const doc of answer.documents || []) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = "/documents/" + encodeURIComponent(doc.id);
      link.textContent = doc.title || doc.source_path || doc.id.slice(0, 12);
      item.append(link);
      const note = document.createElement("span");
      note.className = "meta";
      note.textContent = " " + (doc.new ? "new" : "already stored") + " · " + doc.statements + " statements";
      item.append(note);
      item.setAttribute("data-document", doc.id);
      results.append(item);
    }
    for (const message of answer.errors || []) {
      const item = document.createElement("li");
      item.className = "problems";
      item.textContent = message;
      results.append(item);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const files = form.querySelector('input[type="file"]').files;
    if (!files.length) { say("Choose at least one file.", true); return; }
    const data = new FormData();
    for (const file of files) data.append("files", file, file.name);
    const request = new XMLHttpRequest();
    request.open("POST", form.getAttribute("action"));
    request.setRequestHeader("X-Hearsay-Write", "1");
    const token = form.querySelector("#token");
    if (token) request.setRequestHeader("Authorization", "Bearer " + token.value);
    request.responseType = "json";
    request.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) progress(Math.round((100 * e.loaded) / e.total));
    });
    request.upload.addEventListener("load", () => { progress(100); say("Uploaded; reading and extracting…"); });
    request.addEventListener("load", () => {
      const answer = request.response || {};
      if (request.status >= 200 && request.status < 300) {
        const count = (answer.documents || []).length;
        say("Done: " + count + " document" + (count === 1 ? "" : "s") + " read" +
            ((answer.errors || []).length ? ", some parts could not be read." : "."));
        listResult(answer);
      } else {
        say("Upload failed: " + (answer.error || ("HTTP " + request.status)), true);
      }
      form.querySelector("button").disabled = false;
    });
    request.addEventListener("error", () => { say("Upload failed: the server could not be reached.", true); form.querySelector("button").disabled = false; });
    form.querySelector("button").disabled = true;
    progress(0);
    say("Uploading…");
    request.send(data);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setUpTips(); setUpTargets(); setUpBackLinks(); setUpUpload(); setUpZoom();
});

// Correction forms: selecting words in the text fills the span field last focused with START:END.
(function () {
  const source = document.getElementById("span-source");
  if (!source) return;
  let target = document.getElementById("f-content");
  document.querySelectorAll("[data-span-field]").forEach(function (field) {
    field.addEventListener("focus", function () { target = field; });
  });
  const textNode = source.querySelector(".span-text");
  const offset = parseInt(source.dataset.offset || "0", 10);
  document.addEventListener("selectionchange", function () {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !target) return;
    const range = selection.getRangeAt(0);
    if (!textNode.contains(range.startContainer) || !textNode.contains(range.endContainer)) return;
    target.value = (offset + range.startOffset) + ":" + (offset + range.endOffset);
  });
})();
