// The price schedule's evaluated prices, updated as rates are typed: Σ rate × expected volume per lot, and the total.
// The server computes the same on every save; this only saves a round trip while typing.
const form = document.querySelector("[data-price-schedule]");
const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

function rateOf(input) {
  const value = Number(input.value.replace(/[£,\s]/g, ""));
  return input.value.trim() === "" || Number.isNaN(value) ? 0 : value;
}

function update() {
  const totals = new Map();
  for (const input of form.querySelectorAll("input[data-lot]")) {
    const lot = input.dataset.lot;
    totals.set(lot, (totals.get(lot) ?? 0) + rateOf(input) * Number(input.dataset.volume));
  }
  let sum = 0;
  for (const [lot, total] of totals) {
    const rounded = Math.round(total * 100) / 100;
    sum += rounded;
    const target = form.querySelector(`[data-lot-total="${lot}"]`);
    if (target) target.textContent = pounds.format(rounded);
  }
  const grand = form.querySelector("[data-bid-total]");
  if (grand) grand.textContent = pounds.format(sum);
}

if (form) {
  form.addEventListener("input", update);
}
