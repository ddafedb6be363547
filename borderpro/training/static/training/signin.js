// The training sign-in pad: a drawn signature (finger, pen or mouse) goes into the hidden
// "signature" field as a PNG data URL when the form is sent; the typed name is the
// keyboard and screen-reader alternative.
(function () {
  "use strict";
  var form = document.querySelector("[data-signin]");
  if (!form) { return; }
  var canvas = form.querySelector("[data-signature-pad]");
  var hidden = form.querySelector("input[name=signature]");
  if (!canvas || !hidden) { return; }
  var ctx = canvas.getContext("2d");
  var drawing = false, drawn = false;
  ctx.lineWidth = 2.5; ctx.lineCap = "round"; ctx.strokeStyle = "#10212f";
  function point(event) {
    var box = canvas.getBoundingClientRect();
    return { x: (event.clientX - box.left) * canvas.width / box.width,
             y: (event.clientY - box.top) * canvas.height / box.height };
  }
  canvas.addEventListener("pointerdown", function (event) {
    drawing = true; var p = point(event); ctx.beginPath(); ctx.moveTo(p.x, p.y);
    canvas.setPointerCapture(event.pointerId); event.preventDefault();
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!drawing) { return; }
    var p = point(event); ctx.lineTo(p.x, p.y); ctx.stroke(); drawn = true;
  });
  function stop() { drawing = false; }
  canvas.addEventListener("pointerup", stop);
  canvas.addEventListener("pointercancel", stop);
  form.querySelector("[data-signature-clear]").addEventListener("click", function () {
    ctx.clearRect(0, 0, canvas.width, canvas.height); drawn = false; hidden.value = "";
  });
  form.addEventListener("submit", function () {
    hidden.value = drawn ? canvas.toDataURL("image/png") : "";
  });
})();
