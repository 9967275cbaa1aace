/* The link chart of a financial case (templates/finance/chart.html), drawn with the vendored
   Cytoscape.js. The page's GET form works without this script; with it, each action asks the
   API (which audits every read) and adds to the chart instead of loading a new page. The table
   under the chart lists the same links for readers who cannot use the drawing. */
(function () {
  "use strict";
  var dataBlock = document.getElementById("chart-data");
  if (!dataBlock || typeof window.cytoscape !== "function") {
    return;
  }
  var cfg = JSON.parse(dataBlock.textContent);
  var words = cfg.words;
  var form = document.getElementById("chart-form");
  var box = document.getElementById("chart");
  var statusLine = document.getElementById("chart-status");
  var tbody = document.querySelector("#chart-table tbody");
  var exportI2 = document.getElementById("export-i2");
  var exportFtm = document.getElementById("export-ftm");
  var links = {}; // link id -> the link as the API gave it
  var highlighted = {}; // link id or account -> true
  var expanded = []; // accounts expanded, in order (redrawn when the window changes)
  var alertsShown = []; // alert ids highlighted

  box.hidden = false;
  document.querySelector(".chart-legend").hidden = false;
  ["chart-clear", "chart-fit"].forEach(function (id) {
    document.getElementById(id).hidden = false;
  });

  var cy = window.cytoscape({
    container: box,
    elements: [],
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "text-valign": "bottom",
        "text-margin-y": 3, width: 22, height: 22, "background-color": "#2b6cb0" } },
      { selector: "node[kind = 'cash']", style: { "background-color": "#b7791f", shape: "diamond" } },
      { selector: "node[kind = 'person']", style: { "background-color": "#2f855a" } },
      { selector: "node[kind = 'entity']", style: { "background-color": "#6b46c1", shape: "round-rectangle" } },
      { selector: "node.expanded", style: { "border-width": 2, "border-color": "#1a202c" } },
      { selector: "edge", style: { width: 1.5, "curve-style": "bezier", "target-arrow-shape": "triangle",
        "line-color": "#a0aec0", "target-arrow-color": "#a0aec0", label: "data(label)", "font-size": 8,
        "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.8 } },
      { selector: "node.hl", style: { "border-width": 4, "border-color": "#c53030" } },
      { selector: "edge.hl", style: { width: 4, "line-color": "#c53030", "target-arrow-color": "#c53030" } },
    ],
  });
  window.mekongxChart = cy; // for the browser test and the curious

  function say(text, problem) {
    statusLine.textContent = text;
    statusLine.className = problem ? "alert" : "";
  }

  function fill(template, params) {
    return template.replace(/%\((\w+)\)s/g, function (_m, key) {
      return String(params[key]);
    });
  }

  function money(value) {
    return value.toLocaleString(document.documentElement.lang || undefined,
      { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function when(iso) {
    return iso.slice(0, 16).replace("T", " ");
  }

  function windowParams() {
    var params = new URLSearchParams();
    ["start", "end"].forEach(function (name) {
      var value = form.elements[name].value;
      if (value) {
        params.set(name, value);
      }
    });
    return params;
  }

  function expandLink(account) {
    var a = document.createElement("a");
    var params = windowParams();
    params.set("do", "expand");
    params.set("account", account);
    a.href = "?" + params.toString();
    a.className = "expand";
    a.dataset.account = account;
    a.textContent = account;
    a.title = words.expand;
    return a;
  }

  function drawTable() {
    tbody.textContent = "";
    var ids = Object.keys(links).sort(function (x, y) {
      return links[y].total - links[x].total || (x < y ? -1 : 1);
    });
    if (!ids.length) {
      var row = tbody.insertRow();
      row.className = "empty";
      var cell = row.insertCell();
      cell.colSpan = 7;
      cell.textContent = words.empty;
      return;
    }
    ids.forEach(function (id) {
      var k = links[id];
      var row = tbody.insertRow();
      row.dataset.link = id;
      if (highlighted[id]) {
        row.className = "highlight";
      }
      row.insertCell().appendChild(expandLink(k.source));
      row.insertCell().appendChild(expandLink(k.target));
      [String(k.count), money(k.total), when(k.first), when(k.last), highlighted[id] ? words.yes : ""]
        .forEach(function (text) {
          row.insertCell().textContent = text;
        });
    });
  }

  function updateExports() {
    var params = windowParams();
    cy.nodes().slice(0, 300).forEach(function (node) {
      params.append("account", node.id());
    });
    var query = params.toString();
    if (!exportI2) return; // a reader without the export permission has no export links
    exportI2.href = cfg.exports.i2 + (query ? "?" + query : "");
    exportFtm.href = cfg.exports.ftm + (query ? "?" + query : "");
  }

  function mark() {
    cy.elements().removeClass("hl");
    Object.keys(highlighted).forEach(function (id) {
      cy.getElementById(id).addClass("hl");
    });
  }

  function layout() {
    cy.layout({ name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
      fit: true, padding: 30 }).run();
  }

  function add(chart, highlight) {
    chart.nodes.forEach(function (n) {
      if (cy.getElementById(n.id).empty()) {
        cy.add({ group: "nodes", data: { id: n.id, label: n.label, kind: n.kind } });
      }
    });
    chart.links.forEach(function (k) {
      var known = links[k.id];
      if (!known || k.count > known.count) { // an alert's part of a link is kept below the whole
        links[k.id] = k;
        var label = k.count + " · " + money(k.total);
        var edge = cy.getElementById(k.id);
        if (edge.empty()) {
          cy.add({ group: "edges", data: { id: k.id, source: k.source, target: k.target, label: label } });
        } else {
          edge.data("label", label);
        }
      }
    });
    if (highlight) {
      highlighted = {};
      chart.highlight.forEach(function (id) {
        highlighted[id] = true;
      });
      if (chart.highlight.length && chart.path.length > 1) {
        chart.path.forEach(function (account) {
          highlighted[account] = true;
        });
      }
    }
    mark();
    layout();
    drawTable();
    updateExports();
  }

  function problemOf(answer) {
    var error = answer && answer.error;
    if (!error) {
      return words.failed;
    }
    if (error.fields && error.fields.length) {
      return error.fields.map(function (f) { return f.message; }).join("; ");
    }
    return error.message;
  }

  function ask(path, params) {
    var query = params.toString();
    return fetch(cfg.api + path + (query ? "?" + query : ""), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (answer) {
        if (!response.ok) {
          throw new Error(problemOf(answer));
        }
        return answer;
      });
    });
  }

  function shown(chart) {
    var text = fill(words.shown, { nodes: cy.nodes().length, links: cy.edges().length });
    if (chart.truncated) {
      text += " " + fill(words.truncated, { count: chart.links.length });
    }
    return text;
  }

  function expand(account) {
    var params = windowParams();
    params.set("account", account);
    return ask("", params).then(function (chart) {
      add(chart, false);
      cy.getElementById(account).addClass("expanded");
      if (expanded.indexOf(account) < 0) {
        expanded.push(account);
      }
      say(shown(chart), false);
    });
  }

  function showAlert(id) {
    return ask("/alerts/" + encodeURIComponent(id), new URLSearchParams()).then(function (chart) {
      add(chart, true);
      if (alertsShown.indexOf(id) < 0) {
        alertsShown.push(id);
      }
      say(fill(words.highlighted, { links: chart.highlight.length }) + " " + shown(chart), false);
    });
  }

  function findPath(source, target, directed) {
    var params = windowParams();
    params.set("source", source);
    params.set("target", target);
    params.set("directed", directed ? "true" : "false");
    return ask("/path", params).then(function (chart) {
      add(chart, true);
      say(fill(words.path, { accounts: chart.path.join(" → ") }) + " " + shown(chart), false);
    });
  }

  function failed(error) {
    say(error.message || words.failed, true);
  }

  function clear() {
    cy.elements().remove();
    links = {};
    highlighted = {};
    drawTable();
    updateExports();
  }

  form.addEventListener("submit", function (event) {
    var action = event.submitter ? event.submitter.value : "expand";
    event.preventDefault();
    var f = form.elements;
    if (action === "expand") {
      if (f.account.value.trim()) {
        expand(f.account.value.trim()).catch(failed);
      }
    } else if (action === "path") {
      if (f.source.value.trim() && f.target.value.trim()) {
        findPath(f.source.value.trim(), f.target.value.trim(), f.directed.value !== "no").catch(failed);
      }
    } else if (action === "alert" && f.alert.value) {
      showAlert(f.alert.value).catch(failed);
    }
  });

  tbody.addEventListener("click", function (event) {
    var link = event.target.closest("a.expand");
    if (link) {
      event.preventDefault();
      expand(link.dataset.account).catch(failed);
    }
  });

  cy.on("tap", "node", function (event) {
    expand(event.target.id()).catch(failed);
  });

  // a new window redraws what was expanded; alerts are shown whole whatever the window
  ["start", "end"].forEach(function (name) {
    form.elements[name].addEventListener("change", function () {
      var redo = expanded.slice();
      var alerts = alertsShown.slice();
      clear();
      expanded = [];
      var chain = Promise.resolve();
      redo.forEach(function (account) {
        chain = chain.then(function () { return expand(account); });
      });
      alerts.forEach(function (id) {
        chain = chain.then(function () { return showAlert(id); });
      });
      chain.then(function () { updateExports(); }).catch(failed);
    });
  });

  document.getElementById("chart-clear").addEventListener("click", function () {
    clear();
    expanded = [];
    alertsShown = [];
    say(words.empty, false);
  });
  document.getElementById("chart-fit").addEventListener("click", function () {
    cy.fit(undefined, 30);
  });

  if (cfg.chart) {
    add(cfg.chart, cfg.chart.highlight.length > 0);
    if (cfg.alert) {
      alertsShown.push(cfg.alert);
    }
    if (cfg.chart.path.length === 1) {
      cy.getElementById(cfg.chart.path[0]).addClass("expanded");
      expanded.push(cfg.chart.path[0]);
    }
  } else {
    drawTable();
  }
})();
