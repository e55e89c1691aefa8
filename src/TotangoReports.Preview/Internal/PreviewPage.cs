using System.Net;

namespace TotangoReports.Preview.Internal;

/// <summary>
/// The page shell: inline CSS and script only (the CSP forbids anything else, so nothing loads from outside the
/// machine). The script fetches <c>/content</c> when <c>/events</c> says a render is newer, swaps it in place and
/// puts the scroll position back.
/// </summary>
internal static class PreviewPage
{
    /// <summary>Inherited by the sandboxed output frame (srcdoc): the template's HTML cannot load anything either.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";

    public static string Shell(string definitionPath) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Preview · {{WebUtility.HtmlEncode(Path.GetFileName(definitionPath))}}</title>
        <style>
        body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
        header{position:sticky;top:0;background:#1d2330;color:#fff;padding:8px 16px;z-index:2;display:flex;gap:16px;align-items:baseline}
        header code{color:#c9d1e0} #live{margin-left:auto;font-size:12px}
        main{padding:12px 16px} section{background:#fff;border-radius:6px;padding:8px 12px;margin:0 0 12px;box-shadow:0 1px 2px #0002}
        h2{font-size:15px;margin:4px 0 8px} small{color:#667;font-weight:normal} .meta{color:#667;margin:0 0 8px}
        .split{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:12px;align-items:start}
        .error{border-left:4px solid #c62828} .failure{color:#c62828;font-weight:600}
        .diagnostic{margin:0 0 6px} .is-error .where{color:#c62828} .is-warning .where{color:#a86b00}
        pre.source{background:#f6f7f9;margin:2px 0;padding:4px 6px;overflow:auto}
        iframe.html-output{width:100%;height:640px;border:1px solid #ccd;background:#fff}
        .pdf-pages img{width:300px;margin:0 8px 8px 0;box-shadow:0 1px 3px #0004;background:#fff}
        .kpis{display:flex;gap:12px;flex-wrap:wrap}.kpi{border:1px solid #dde;border-radius:6px;padding:6px 12px}.kpi b{display:block;font-size:20px}
        .charts img{margin:8px 8px 0 0;border:1px solid #eee}
        .scroll{overflow:auto;max-height:420px} table{border-collapse:collapse;font-size:12px}
        td{border:1px solid #e3e5ea;padding:2px 6px;white-space:nowrap} td.b{font-weight:700;background:#eef0f4} td.n{text-align:right}
        </style></head>
        <body><header><b>totango-reports serve</b><code>{{WebUtility.HtmlEncode(definitionPath)}}</code><span id="live">connecting…</span></header>
        <main id="content"><p>Rendering…</p></main>
        <script>
        (() => {
          const content = document.getElementById('content'), live = document.getElementById('live');
          let shown = 0, busy = false, again = false;
          async function refresh() {
            if (busy) { again = true; return; }
            busy = true;
            try {
              const response = await fetch('/content', { cache: 'no-store' });
              const version = Number(response.headers.get('X-Render-Version'));
              const html = await response.text();
              if (version > shown) {
                const x = window.scrollX, y = window.scrollY;
                content.innerHTML = html;
                window.scrollTo(x, y);
                shown = version;
                document.body.dataset.version = String(version);
                drawPdfPages();
              }
            } finally {
              busy = false;
              if (again) { again = false; refresh(); }
            }
          }
          function drawPdfPages() {
            for (const box of content.querySelectorAll('.pdf-pages[data-src]')) {
              fetch(box.dataset.src).then(r => r.json()).then(info => {
                box.textContent = info.error ? 'The PDF does not render: ' + info.error : info.pages === 0 ? 'no pages could be drawn' : '';
                for (let p = 1; p <= info.pages; p++) {
                  const img = document.createElement('img');
                  img.alt = 'page ' + p; img.src = box.dataset.src + '/' + p;
                  box.appendChild(img);
                }
              });
            }
          }
          const events = new EventSource('/events');
          events.addEventListener('render', () => refresh());
          events.onopen = () => { live.textContent = 'live'; };
          events.onerror = () => { live.textContent = 'disconnected: is serve still running?'; };
          refresh();
        })();
        </script></body></html>
        """;
}
