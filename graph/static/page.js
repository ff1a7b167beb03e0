// The query page of `conflict-kg serve`: YASGUI pointed at ./sparql, the example queries of
// ./examples.json, and three result views drawn as SVG without any library or network access:
// a map (points over the country outlines of ./outlines.geojson), a timeline and a network.
// An access token, when the server needs one, is given in the address: .../#token=SECRET
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const NUMERIC = /#(integer|decimal|double|float|long|int|short|nonNegativeInteger)$/;
  const DATE = /^(\d{4})-(\d{2})(-\d{2})?/;
  const WKT_POINT = /POINT\s*\(\s*([-+\d.eE]+)\s+([-+\d.eE]+)\s*\)/i;

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  function tip(node, text) {
    el("title", {}, node).textContent = text;
  }

  function table(yasr) {
    const results = yasr.results;
    if (!results || !results.getVariables || !results.getBindings) return { vars: [], rows: [] };
    return { vars: results.getVariables() || [], rows: results.getBindings() || [] };
  }

  function text(term) {
    if (!term) return "";
    if (term.type === "uri") return decodeURIComponent(term.value.replace(/.*[/#]/, ""));
    return term.value;
  }

  function numericVar(vars, rows, except) {
    return vars.find((v) => !except.includes(v) && rows.some((r) => r[v] && NUMERIC.test(r[v].datatype || "")));
  }

  function caption(parent, message) {
    const p = document.createElement("p");
    p.className = "ckg-caption";
    p.textContent = message;
    parent.appendChild(p);
    return p;
  }

  function container(yasr, kind) {
    const div = document.createElement("div");
    div.className = "ckg-view ckg-" + kind;
    yasr.resultsEl.appendChild(div);
    return div;
  }

  function icon(symbol) {
    const span = document.createElement("span");
    span.textContent = symbol;
    return span;
  }

  // ------------------------------------------------------------------ map

  let outlines = null; // one fetch per page
  function loadOutlines() {
    if (!outlines) {
      outlines = fetch("outlines.geojson")
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null);
    }
    return outlines;
  }

  function points(yasr) {
    const { vars, rows } = table(yasr);
    const wkt = vars.find((v) => rows.some((r) => r[v] && WKT_POINT.test(r[v].value) && /wktLiteral$/.test(r[v].datatype || "")));
    const lat = vars.find((v) => /^lat(itude)?$/i.test(v));
    const lon = vars.find((v) => /^(lon|long|lng|longitude)$/i.test(v));
    if (!wkt && !(lat && lon)) return [];
    const labels = vars.filter((v) => ![wkt, lat, lon].includes(v));
    const weight = numericVar(vars, rows, [wkt, lat, lon]);
    const byPlace = new Map();
    for (const row of rows) {
      let x, y;
      if (wkt && row[wkt]) {
        const m = WKT_POINT.exec(row[wkt].value);
        if (m) [x, y] = [parseFloat(m[1]), parseFloat(m[2])];
      } else if (lat && lon && row[lat] && row[lon]) {
        [x, y] = [parseFloat(row[lon].value), parseFloat(row[lat].value)];
      }
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const key = x.toFixed(3) + "," + y.toFixed(3);
      const point = byPlace.get(key) || { x, y, count: 0, names: new Set() };
      point.count += weight && row[weight] ? parseFloat(row[weight].value) || 1 : 1;
      const name = labels.filter((v) => v !== weight).map((v) => text(row[v])).filter(Boolean).join(" · ");
      if (name && point.names.size < 8) point.names.add(name);
      byPlace.set(key, point);
    }
    return [...byPlace.values()];
  }

  function ringPath(ring) {
    return "M" + ring.map(([x, y]) => x + "," + -y).join("L") + "Z";
  }

  class MapView {
    constructor(yasr) {
      this.yasr = yasr;
      this.priority = 5;
      this.label = "Map";
    }
    canHandleResults() {
      return points(this.yasr).length > 0;
    }
    getIcon() {
      return icon("\u{1F5FA}");
    }
    async draw() {
      const found = points(this.yasr);
      const div = container(this.yasr, "map");
      const xs = found.map((p) => p.x), ys = found.map((p) => p.y);
      let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const span = Math.max(x1 - x0, (y1 - y0) * 2, 12);
      const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      [x0, x1, y0, y1] = [cx - span * 0.6, cx + span * 0.6, cy - span * 0.3, cy + span * 0.3];
      const svg = el("svg", { viewBox: `${x0} ${-y1} ${x1 - x0} ${y1 - y0}`, role: "img", "aria-label": "map of places" }, div);
      el("rect", { class: "sea", x: x0, y: -y1, width: x1 - x0, height: y1 - y0 }, svg);
      const land = el("g", { class: "land-layer" }, svg);
      const dots = el("g", { class: "points" }, svg);
      const unit = (x1 - x0) / 900; // one screen pixel, roughly
      const most = Math.max(...found.map((p) => p.count));
      for (const p of found) {
        const r = unit * (4 + 10 * Math.sqrt(p.count / most));
        const dot = el("circle", { class: "point", cx: p.x, cy: -p.y, r }, dots);
        tip(dot, [...p.names].join("\n") + (p.count > 1 ? `\n(${p.count})` : ""));
        const name = [...p.names][0];
        if (name && found.length <= 40) {
          const label = el("text", { class: "label", x: p.x + r * 1.2, y: -p.y + unit * 4, "font-size": unit * 11 }, dots);
          label.textContent = name.split(" · ").slice(0, 2).join(" · ");
        }
      }
      const note = caption(div, `${found.length} place(s)`);
      const world = await loadOutlines();
      if (!world) {
        note.textContent += "; no country outlines in this installation";
        return;
      }
      for (const feature of world.features || []) {
        const g = feature.geometry || {};
        const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
        const d = polygons.map((rings) => rings.map(ringPath).join("")).join("");
        if (d) tip(el("path", { class: "land", d }, land), (feature.properties || {}).name || "");
      }
      note.textContent += " over Natural Earth country outlines";
    }
  }

  // ------------------------------------------------------------------ timeline

  function dated(yasr) {
    const { vars, rows } = table(yasr);
    const date = vars.find((v) => {
      const seen = rows.filter((r) => r[v]);
      return seen.length > 0 && seen.every((r) => r[v].type !== "uri" && DATE.test(r[v].value));
    });
    if (!date) return null;
    const weight = numericVar(vars, rows, [date]);
    const months = new Map();
    for (const row of rows) {
      const m = row[date] && DATE.exec(row[date].value);
      if (!m) continue;
      const key = m[1] + "-" + m[2];
      months.set(key, (months.get(key) || 0) + (weight && row[weight] ? parseFloat(row[weight].value) || 0 : 1));
    }
    return { date, weight, months };
  }

  class TimelineView {
    constructor(yasr) {
      this.yasr = yasr;
      this.priority = 4;
      this.label = "Timeline";
    }
    canHandleResults() {
      const found = dated(this.yasr);
      return !!found && found.months.size > 0;
    }
    getIcon() {
      return icon("\u{1F4C5}");
    }
    draw() {
      const { date, weight, months } = dated(this.yasr);
      const keys = [...months.keys()].sort();
      const all = [];
      let [y, m] = keys[0].split("-").map(Number);
      const [yEnd, mEnd] = keys[keys.length - 1].split("-").map(Number);
      while ((y < yEnd || (y === yEnd && m <= mEnd)) && all.length < 600) {
        all.push(`${y}-${String(m).padStart(2, "0")}`);
        [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
      }
      const div = container(this.yasr, "timeline");
      const [W, H, left, bottom] = [900, 260, 40, 40];
      const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "timeline" }, div);
      const most = Math.max(...months.values(), 1);
      const step = (W - left - 10) / all.length;
      const every = Math.ceil(all.length / 12);
      all.forEach((key, i) => {
        const value = months.get(key) || 0;
        const h = ((H - bottom - 10) * value) / most;
        const bar = el("rect", { class: "bar", x: left + i * step + 1, y: H - bottom - h, width: Math.max(step - 2, 1), height: h }, svg);
        tip(bar, `${key}: ${value}`);
        if (i % every === 0) el("text", { class: "axis", x: left + i * step, y: H - bottom + 16 }, svg).textContent = key;
      });
      el("text", { class: "axis", x: 2, y: 14 }, svg).textContent = String(most);
      el("line", { x1: left, x2: W - 10, y1: H - bottom, y2: H - bottom, stroke: "#333" }, svg);
      caption(div, `${weight ? "sum of ?" + weight : "rows"} per month of ?${date}, ${keys[0]} to ${keys[keys.length - 1]}`);
    }
  }

  // ------------------------------------------------------------------ network

  function edges(yasr) {
    const { vars, rows } = table(yasr);
    const weight = numericVar(vars, rows, []);
    const names = vars.filter((v) => v !== weight && rows.some((r) => r[v] && !DATE.test(r[v].value)));
    const source = vars.includes("actor") ? "actor" : names[0];
    const target = vars.includes("target") ? "target" : names.find((v) => v !== source);
    if (!source || !target || !vars.includes("target") && !vars.includes("actor")) return null;
    const found = new Map();
    for (const row of rows) {
      if (!row[source] || !row[target]) continue;
      const [a, b] = [text(row[source]), text(row[target])];
      const key = a + "\u0000" + b;
      const w = weight && row[weight] ? parseFloat(row[weight].value) || 1 : 1;
      found.set(key, { a, b, w: (found.has(key) ? found.get(key).w : 0) + w });
    }
    return [...found.values()].sort((x, y) => y.w - x.w).slice(0, 150);
  }

  function layout(nodes, links, width, height) {
    // a plain force-directed layout: nodes repel, links pull, everything drifts to the centre
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      n.x = width / 2 + (width / 3) * Math.cos(angle);
      n.y = height / 2 + (height / 3) * Math.sin(angle);
    });
    const k = Math.sqrt((width * height) / Math.max(nodes.length, 1)) * 0.6;
    for (let step = 0; step < 300; step++) {
      const heat = 0.1 * (1 - step / 300) * width;
      for (const n of nodes) n.dx = n.dy = 0;
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const [p, q] = [nodes[i], nodes[j]];
          const dx = p.x - q.x, dy = p.y - q.y, d2 = Math.max(dx * dx + dy * dy, 0.01);
          const f = (k * k) / d2;
          p.dx += dx * f; p.dy += dy * f; q.dx -= dx * f; q.dy -= dy * f;
        }
      }
      for (const { s, t } of links) {
        const dx = s.x - t.x, dy = s.y - t.y, d = Math.max(Math.hypot(dx, dy), 0.01);
        const f = d / k;
        s.dx -= dx * f; s.dy -= dy * f; t.dx += dx * f; t.dy += dy * f;
      }
      for (const n of nodes) {
        n.dx += (width / 2 - n.x) * 0.05; n.dy += (height / 2 - n.y) * 0.05;
        const d = Math.max(Math.hypot(n.dx, n.dy), 0.01), move = Math.min(d, heat);
        n.x = Math.min(width - 20, Math.max(20, n.x + (n.dx / d) * move));
        n.y = Math.min(height - 20, Math.max(20, n.y + (n.dy / d) * move));
      }
    }
  }

  class NetworkView {
    constructor(yasr) {
      this.yasr = yasr;
      this.priority = 3;
      this.label = "Network";
    }
    canHandleResults() {
      const found = edges(this.yasr);
      return !!found && found.length > 0;
    }
    getIcon() {
      return icon("\u{1F578}");
    }
    draw() {
      const found = edges(this.yasr);
      const byName = new Map();
      const node = (name, role) => {
        const n = byName.get(name) || { name, roles: new Set(), w: 0 };
        n.roles.add(role);
        byName.set(name, n);
        return n;
      };
      const links = found.map(({ a, b, w }) => {
        const [s, t] = [node(a, "actor"), node(b, "target")];
        s.w += w; t.w += w;
        return { s, t, w };
      });
      const nodes = [...byName.values()];
      const [W, H] = [900, 600];
      layout(nodes, links, W, H);
      const div = container(this.yasr, "network");
      const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "network of actors and targets" }, div);
      const most = Math.max(...links.map((l) => l.w), 1);
      for (const { s, t, w } of links) {
        tip(el("line", { class: "edge", x1: s.x, y1: s.y, x2: t.x, y2: t.y, "stroke-width": 1 + (4 * w) / most }, svg), `${s.name} → ${t.name}: ${w}`);
      }
      const heaviest = Math.max(...nodes.map((n) => n.w), 1);
      for (const n of nodes) {
        const role = n.roles.size > 1 ? "both" : [...n.roles][0];
        const r = 4 + 8 * Math.sqrt(n.w / heaviest);
        tip(el("circle", { class: role, cx: n.x, cy: n.y, r }, svg), `${n.name} (${[...n.roles].join(", ")})`);
        el("text", { x: n.x + r + 2, y: n.y + 3 }, svg).textContent = n.name.length > 30 ? n.name.slice(0, 29) + "…" : n.name;
      }
      caption(div, `${nodes.length} nodes, ${links.length} links (red: actors, blue: targets, purple: both)`);
    }
  }

  // ------------------------------------------------------------------ the page

  Yasgui.Yasr.registerPlugin("map", MapView);
  Yasgui.Yasr.registerPlugin("timeline", TimelineView);
  Yasgui.Yasr.registerPlugin("network", NetworkView);
  Yasgui.Yasr.defaults.pluginOrder = ["table", "response", "map", "timeline", "network"];

  const endpoint = new URL("sparql", window.location.href.split("#")[0]).href;
  const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: {
      endpoint,
      method: "POST",
      headers: token ? { Authorization: "Bearer " + token } : {},
    },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    // only completions from the query itself: the others ask servers on the internet
    yasqe: { autocompleters: ["variables"] },
  });
  window.conflictKgYasgui = yasgui;

  const select = document.getElementById("examples");
  fetch("examples.json")
    .then((r) => r.json())
    .then((examples) => {
      examples.forEach(({ title, query }, i) => {
        const option = document.createElement("option");
        option.value = String(i);
        option.textContent = title;
        select.appendChild(option);
      });
      const show = (i) => yasgui.getTab().setQuery(examples[i].query);
      select.addEventListener("change", () => {
        if (select.value !== "") show(Number(select.value));
      });
      if (examples.length) {
        select.value = "0";
        show(0);
      }
    });
})();
