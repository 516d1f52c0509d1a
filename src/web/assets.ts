/**
 * The dashboard's one stylesheet, served from our origin (the CSP allows no inline style). Small
 * screens first; tables turn into labelled stacks on a phone; focus is always visible; status and
 * priority are words in badges, colour only repeats them.
 */
export const DASHBOARD_CSS = `
:root { --ink: #1b1f24; --muted: #4d5761; --line: #c9d1d9; --bg: #ffffff; --soft: #f3f5f7; --accent: #0b57d0; --note: #fff6d6; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, main:focus-visible {
  outline: 3px solid #f59e0b; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--ink); color: #fff; padding: .5rem 1rem; }
.skip:focus { left: .5rem; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .5rem 1rem; border-bottom: 1px solid var(--line); background: var(--soft); }
.brand { font-weight: 700; text-decoration: none; color: var(--ink); }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem .75rem; list-style: none; margin: 0; padding: 0; }
nav a { display: inline-block; padding: .35rem .25rem; }
nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.signout { margin-left: auto; display: flex; align-items: center; gap: .5rem; color: var(--muted); font-size: .9rem; }
main { padding: 1rem; max-width: 80rem; margin: 0 auto; }
h1 { font-size: 1.5rem; margin: .25rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 1.25rem 0 .5rem; }
button, .button { font: inherit; padding: .45rem .9rem; min-height: 2.5rem; border: 1px solid var(--accent); border-radius: .35rem; background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
input, select, textarea { font: inherit; padding: .4rem; border: 1px solid #6b7785; border-radius: .3rem; max-width: 100%; }
textarea { width: 100%; }
.filters, .row { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; margin-bottom: .75rem; }
.filters label, .row label { display: flex; flex-direction: column; font-size: .9rem; color: var(--muted); }
.stack { display: flex; flex-direction: column; gap: .35rem; margin-bottom: 1rem; }
.stack button { align-self: flex-start; }
.buttons { display: flex; flex-wrap: wrap; gap: .5rem; margin-bottom: 1rem; }
form.inline { display: inline; }
fieldset { border: 1px solid var(--line); border-radius: .3rem; }
.note, .snippet { color: var(--muted); font-size: .9rem; }
.empty { color: var(--muted); font-style: italic; }
.flash { padding: .6rem .9rem; border-left: 4px solid #15803d; background: #ecfdf3; }
.flash.error { border-color: #b42318; background: #fef3f2; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); font-size: .9rem; padding-bottom: .25rem; }
th, td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .8rem; border: 1px solid currentColor; font-size: .85rem; font-weight: 600; white-space: nowrap; }
.status-open { color: #0b57d0; } .status-pending { color: #8a5300; } .status-resolved { color: #216e39; }
.priority-p1 { color: #b42318; } .priority-p2 { color: #a04100; } .priority-p3 { color: #3d4a57; } .priority-p4 { color: #4d5761; }
.internal-mark { color: #8a5300; }
dl.card { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .5rem 1rem; margin: 0; }
dl.card dt { font-size: .85rem; color: var(--muted); } dl.card dd { margin: 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.conversation, .history, .articles { list-style: none; padding: 0; margin: 0; }
.comment { border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .75rem; margin-bottom: .6rem; }
.comment.internal { background: var(--note); border-style: dashed; }
.comment .meta { margin: 0; font-size: .9rem; color: var(--muted); }
.comment .text { margin: .35rem 0 0; }
.history li { padding: .25rem 0; border-bottom: 1px dotted var(--line); font-size: .92rem; }
.articles li { padding: .5rem 0; border-bottom: 1px solid var(--line); }
.ticket-grid { display: grid; gap: 1rem; }
@media (min-width: 60rem) { .ticket-grid { grid-template-columns: 3fr 2fr; } }
@media (max-width: 40rem) {
  table.tickets thead { position: absolute; left: -9999px; }
  table.tickets tr { display: block; border: 1px solid var(--line); border-radius: .4rem; margin-bottom: .6rem; }
  table.tickets td { display: flex; gap: .5rem; border: 0; padding: .2rem .6rem; }
  table.tickets td::before { content: attr(data-label); min-width: 7rem; color: var(--muted); font-size: .85rem; }
}
`;

/**
 * Reloads a page that asks for it (body data-refresh, in seconds), but never while a form control
 * has the focus or a field was changed: a supporter choosing filters is not interrupted.
 */
export const DASHBOARD_JS = `(function () {
  var seconds = Number(document.body.getAttribute('data-refresh'));
  if (!seconds) return;
  var touched = false;
  document.addEventListener('input', function () { touched = true; });
  setInterval(function () {
    var active = document.activeElement;
    var busy = active && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(active.tagName);
    if (!busy && !touched) window.location.reload();
  }, seconds * 1000);
})();
`;
