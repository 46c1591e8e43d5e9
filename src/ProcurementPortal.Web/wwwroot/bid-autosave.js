// Saves a bid answer as it is written, two seconds after the last keystroke. The
// server answers with the draft's new row version, which goes into the form so that saving by hand afterwards is not
// taken for a colleague's conflicting save. Nothing here replaces the "Save and continue" button, which works without
// JavaScript; a refused autosave changes nothing on the server and leaves the text in the field.
const form = document.querySelector("form[data-autosave]");
const status = form?.querySelector("[data-autosave-status]");
let timer;
let lastSent;
let inflight = null;

function autosave() {
  inflight = send().finally(() => { inflight = null; });
}

async function send() {
  const body = new FormData(form);
  const snapshot = new URLSearchParams(body).toString();
  if (snapshot === lastSent) return;
  lastSent = snapshot;
  try {
    const response = await fetch(form.dataset.autosave, { method: "POST", body, headers: { Accept: "application/json" } });
    const result = await response.json();
    if (response.ok || response.status === 409) {
      form.querySelector("#RowVersion").value = result.rowVersion;
    }
    const time = new Date().toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
    status.textContent = response.ok
      ? `Draft saved at ${time}`
      : response.status === 409
        ? result.message
        : `Not saved: ${Object.values(result.errors ?? {}).flat().join(" ") || "try saving with the button"}`;
  } catch {
    status.textContent = "Not saved: the connection failed. Your text is still here; save with the button.";
    lastSent = undefined;
  }
}

if (form && status) {
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(autosave, 2000);
  });
  // Saving by hand waits for an autosave still on its way, so the form carries the row version it handed back.
  form.addEventListener("submit", (event) => {
    clearTimeout(timer);
    if (inflight) {
      event.preventDefault();
      inflight.finally(() => form.submit());
    }
  });
}
