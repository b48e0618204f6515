// Kehou portal: small enhancements over pages that work without script. htmx (from its webjar)
// swaps form results in place; this file makes failures readable and keeps focus where it belongs.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.htmx) {
      return;
    }
    // A refused form (4xx) carries its errors: show it in place like a success.
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "4..", swap: true, error: false },
      { code: "5..", swap: false, error: true },
      { code: "...", swap: false }
    ];
  });

  function notice(text) {
    var box = document.getElementById("notice");
    if (!box) {
      return;
    }
    box.textContent = text;
    box.hidden = false;
    box.focus && box.focus();
  }

  // A problem+json answer (from the API, or a server failure) becomes a readable sentence.
  function readProblem(xhr) {
    var type = (xhr.getResponseHeader("Content-Type") || "").toLowerCase();
    if (type.indexOf("application/problem+json") === 0) {
      try {
        var p = JSON.parse(xhr.responseText);
        return [p.title, p.detail].filter(Boolean).join(" — ");
      } catch (e) {
        // fall through to the generic sentence
      }
    }
    return null;
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 499) {
      // The session ended: reload, and the server sends the browser to the login page.
      event.detail.shouldSwap = false;
      window.location.reload();
      return;
    }
    var problem = readProblem(xhr);
    if (problem) {
      event.detail.shouldSwap = false;
      notice(problem);
    }
  });

  document.addEventListener("htmx:responseError", function (event) {
    notice(readProblem(event.detail.xhr) || document.body.dataset.problemFallback);
  });

  document.addEventListener("htmx:sendError", function () {
    notice(document.body.dataset.problemFallback);
  });

  // After a swap, move focus to the error summary so a screen reader announces what to fix.
  document.addEventListener("htmx:afterSwap", function (event) {
    var summary = event.detail.target && event.detail.target.querySelector
      ? event.detail.target.querySelector(".error-summary") : null;
    if (!summary && event.detail.target && event.detail.target.id === "link-form") {
      summary = document.querySelector("#link-form .error-summary");
    }
    if (summary) {
      summary.focus();
    }
  });
})();
