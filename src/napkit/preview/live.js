// nap serve: reload this page when a newer build of the plan is ready, and show the plan's
// findings while it has errors. Served by the preview server only, never published.
(function () {
  "use strict";
  var own = document.currentScript && /[?&]build=(\d+)/.exec(document.currentScript.src);
  var shown = own ? Number(own[1]) : null;
  var banner = null;

  function showFindings(status) {
    if (!banner) {
      banner = document.createElement("aside");
      banner.id = "nap-preview-findings";
      banner.setAttribute("role", "alert");
      banner.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:1000;max-height:40vh;" +
        "overflow:auto;margin:0;padding:.8em 1.2em;background:#5c0011;color:#fff;" +
        "font:14px/1.45 system-ui,sans-serif;box-shadow:0 -2px 8px rgba(0,0,0,.3)";
      document.body.appendChild(banner);
    }
    banner.textContent = "";
    var title = document.createElement("strong");
    title.textContent = status.message;
    banner.appendChild(title);
    var list = document.createElement("ul");
    list.style.cssText = "margin:.4em 0 0;padding-left:1.2em";
    status.findings.forEach(function (f) {
      var item = document.createElement("li");
      item.textContent = f.where + "  " + f.severity + " " + f.code + "  " + f.message;
      list.appendChild(item);
    });
    banner.appendChild(list);
  }

  function poll() {
    fetch("/__nap/status", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (status) {
      if (shown === null) { shown = status.build; }
      if (status.build !== shown) { location.reload(); return; }
      if (status.state === "errors" || status.state === "failed") { showFindings(status); }
      else if (banner) { banner.remove(); banner = null; }
    }).catch(function () { /* the preview stopped or restarts: try again */ })
      .then(function () { setTimeout(poll, 400); });
  }
  poll();
})();
