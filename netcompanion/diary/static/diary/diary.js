// Steppers for the diary's counts: a minus and a plus button around each number box that carries their words
// (data-fewer, data-more). Only this script adds the buttons, so without it the page shows no button that does
// nothing, and the number box works as it is. From an empty box, plus gives 1 and minus gives 0. A polite live
// region says the new number, so a screen reader hears what a tap did without leaving the button.
"use strict";

document.querySelectorAll("input[type=number][data-fewer][data-more]").forEach(function (input) {
  var low = Number(input.min || 0);
  var high = input.max === "" ? Infinity : Number(input.max);
  var holder = document.createElement("div");
  holder.className = "stepper";
  input.parentNode.insertBefore(holder, input);
  var label = document.querySelector("label[for='" + input.id + "']");
  var said = document.createElement("span");
  said.className = "visually-hidden";
  said.setAttribute("aria-live", "polite");

  function button(text, words, change) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button-secondary";
    b.textContent = text;
    b.setAttribute("aria-label", words);
    b.setAttribute("aria-controls", input.id);
    b.addEventListener("click", function () {
      var now = input.value === "" ? null : Number(input.value);
      var next = now === null || isNaN(now) ? (change > 0 ? 1 : 0) : Math.round(now) + change;
      input.value = String(Math.min(high, Math.max(low, next)));
      said.textContent = (label ? label.textContent.trim() + " " : "") + input.value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    return b;
  }

  holder.appendChild(button("\u2212", input.dataset.fewer, -1));
  holder.appendChild(input);
  holder.appendChild(button("+", input.dataset.more, 1));
  holder.appendChild(said);
});
