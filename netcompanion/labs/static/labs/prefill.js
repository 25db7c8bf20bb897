/* Progressive enhancement for "Add a lab result": choosing a test fills in the unit and range of the patient's last
   result of it (the page carries them as JSON). A field is only filled while it is empty or still holds what this
   script put there, so nothing the person typed is ever replaced. Without JavaScript, ?test= does the same. */
(function () {
  "use strict";
  var data = document.getElementById("lab-prefill");
  var note = document.getElementById("lab-prefill-note");
  var form = data && data.closest("form");
  if (!form || !note) { return; }
  var prefills = JSON.parse(data.textContent);
  var names = ["unit", "reference_low", "reference_high"];
  var chosen = form.querySelector("input[name=test]:checked");
  // What the server filled in counts as ours; values sent back after a mistake were typed by the person.
  var ours = {};
  names.forEach(function (name) {
    ours[name] = !note.hidden && chosen && prefills[chosen.value] ? form.elements[name].value : "";
  });

  form.addEventListener("change", function (event) {
    if (event.target.name !== "test") { return; }
    var from = prefills[event.target.value] || null;
    var filled = false;
    names.forEach(function (name) {
      var field = form.elements[name];
      if (field.value !== ours[name]) { return; }
      field.value = from ? from[name] : "";
      ours[name] = field.value;
      filled = filled || (from !== null && field.value !== "");
    });
    note.textContent = filled ? from.note : "";
    note.hidden = !filled;
  });
}());
