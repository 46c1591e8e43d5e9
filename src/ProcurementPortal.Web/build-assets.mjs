// Copies the compiled GOV.UK Frontend (from npm) into wwwroot so the portal serves it locally.
// The precompiled CSS refers to fonts and images under /assets/, so those go to wwwroot/assets.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";

const dist = "node_modules/govuk-frontend/dist/govuk";
mkdirSync("wwwroot/govuk", { recursive: true });
for (const file of ["govuk-frontend.min.css", "govuk-frontend.min.js"]) {
  cpSync(`${dist}/${file}`, `wwwroot/govuk/${file}`);
}
cpSync(`${dist}/assets`, "wwwroot/assets", { recursive: true });
writeFileSync("wwwroot/govuk/.stamp", new Date().toISOString());
