/** The console page at `/`: place and end calls, flip faults, watch sessions, calls and requests. */
import { CONSOLE_SCRIPT } from './script';

const STYLE = `body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#222}
section{margin:1rem 0;padding:.5rem 1rem;border:1px solid #ccc;border-radius:6px}
table{border-collapse:collapse;font-size:.85rem}td,th{border-bottom:1px solid #eee;padding:.2rem .5rem;text-align:left;max-width:22rem;overflow-wrap:anywhere}
label{margin-right:1rem}button{margin:.1rem}#status{font-family:monospace;white-space:pre-wrap;max-height:6rem;overflow:auto}
#faults{font-size:.8rem;margin:0}`;

export function consolePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Genesys Cloud emulator</title><style>${STYLE}</style></head>
<body>
<h1>Genesys Cloud emulator</h1>
<p>SDK config: <code>environment</code> = this origin, <code>wsHost</code> = ws://this host. Control API under <code>/_emulator/</code>.</p>
<div id="status" role="status"></div>
<section><h2>Place an inbound call</h2>
<form id="place">
<label>To <select id="to"></select></label>
<label>From <input id="from" placeholder="tel:+15551234567"></label>
<label>Queue <select id="queue"><option value="">(direct)</option></select></label>
<label><input type="checkbox" id="autoAnswer"> auto-answer</label>
<label>Alert timeout ms <input id="alert" type="number" min="1" placeholder="8000"></label><br>
<label>Attributes (JSON) <textarea id="attributes" rows="2" cols="60" placeholder='{"caseNumber":"CS0001"}'></textarea></label>
<button type="submit">Place call</button>
</form></section>
<section><h2>Faults</h2>
<label>Seconds <input id="secs" type="number" value="10" min="1"></label>
<label>Latency ms <input id="lat" type="number" value="300" min="0"></label><br>
<button id="drop">Drop sockets (TCP reset)</button><button id="close">Close sockets cleanly</button>
<button id="blackhole">Black hole</button><button id="refuse">Refuse upgrades (503)</button>
<button id="latency">Set latency</button><button id="r429">REST 429</button><button id="r503">REST 503</button>
<button id="sasl">Fail SASL</button><button id="nls">no_longer_subscribed</button><button id="clear">Clear all faults</button>
<pre id="faults"></pre></section>
<section><h2>Calls</h2><table><thead><tr><th>Conversation</th><th>Dir</th><th>Agent</th><th>Flags</th><th>Customer</th><th>Queue</th><th>Leg</th><th>Outcome</th><th></th></tr></thead><tbody id="calls"></tbody></table></section>
<section><h2>Streaming sessions</h2><table><thead><tr><th>User</th><th>JID</th><th>State</th><th>Channel</th><th></th><th></th></tr></thead><tbody id="sessions"></tbody></table></section>
<section><h2>Requests</h2><table><thead><tr><th>Request</th><th>Count</th></tr></thead><tbody id="requests"></tbody></table></section>
<script>${CONSOLE_SCRIPT}</script>
</body></html>`;
}
