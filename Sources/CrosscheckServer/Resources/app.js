// Crosscheck's own script: a little help on top of pages that work without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // An article opened from a citation: bring the cited sentence to the middle of the screen and give it the focus,
  // so the keyboard and a screen reader start there.
  const cited = document.getElementById("cited");
  if (cited) {
    const box = cited.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) cited.scrollIntoView({ block: "center" });
    cited.focus({ preventScroll: true });
  }
  // The ingest form: files are sent to the API with the token (the plain form sends pasted text).
  const form = document.getElementById("ingest-form");
  const files = document.getElementById("files");
  if (form && files) {
    form.addEventListener("submit", async (event) => {
      if (!files.files.length) return;
      event.preventDefault();
      const out = document.getElementById("ingest-result");
      const token = document.getElementById("token").value;
      const lines = [];
      for (const file of files.files) {
        try {
          const response = await fetch("/api/v1/articles", { method: "POST", headers: { Authorization: "Bearer " + token }, body: file });
          const body = await response.json();
          lines.push(response.ok
            ? `${file.name}: ${body.new} new, ${body.alreadyStored} already stored, ${body.rejected} rejected`
              + body.rejections.map((r) => `\n  ${r.code} ${r.origin}: ${r.reason}`).join("")
            : `${file.name}: ${body.detail || response.status}`);
        } catch (error) {
          lines.push(`${file.name}: ${error}`);
        }
        out.textContent = lines.join("\n");
      }
    });
  }
});
