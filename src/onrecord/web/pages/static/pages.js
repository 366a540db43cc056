// onrecord's pages work without this file; it adds two conveniences. Served as a
// file of its own: the Content-Security-Policy allows no inline script.
"use strict";

// The issue page's slider steps through the days on which a position changed, and
// shows the matrix of the day it stops on (the date field and the URL follow).
function wireSlider() {
  const slider = document.getElementById("as-of-slider");
  const field = document.getElementById("as-of");
  if (!slider || !field) return;
  const days = (slider.dataset.days || "").split(",").filter(Boolean);
  if (!days.length) return;
  let at = days.findIndex((day) => day > field.value);
  at = at === -1 ? days.length - 1 : Math.max(at - 1, 0);
  slider.value = String(at);
  slider.hidden = false;
  slider.classList.remove("js-only");
  slider.addEventListener("input", () => {
    field.value = days[Number(slider.value)];
  });
  slider.addEventListener("change", () => {
    field.value = days[Number(slider.value)];
    field.form.submit();
  });
}

// On the article page, the attribution or evidence sentence a link points at is
// highlighted whole: every marked piece that belongs to it, not the first alone.
function highlightTarget() {
  document.querySelectorAll(".hit").forEach((el) => el.classList.remove("hit"));
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  if (id.startsWith("a-")) {
    const owner = id.slice(2);
    document.querySelectorAll("[data-a]").forEach((el) => {
      if (el.dataset.a.split(" ").includes(owner)) el.classList.add("hit");
    });
  } else if (id.startsWith("e-")) {
    const anchor = document.getElementById(id);
    let el = anchor && anchor.nextElementSibling;
    while (el && el.classList.contains("m-evidence")) {
      el.classList.add("hit");
      el = el.nextElementSibling;
      while (el && el.classList.contains("anchor")) el = el.nextElementSibling;
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  wireSlider();
  highlightTarget();
  window.addEventListener("hashchange", highlightTarget);
});
