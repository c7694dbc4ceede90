extension TimelineHTML {
  /// The page's script: it reads the embedded data, moves the cursor between the tool's stops,
  /// lists what the embedded stretches say was in force at the stop, and shows the events and
  /// sources behind whatever is hovered or clicked.
  ///
  /// It computes no intervals and no times: a stretch covers the cursor when the stretch's
  /// embedded `from` is at or before the stop's instant and its `until` after it. Log text only
  /// ever reaches the page through `textContent`. The code sits in a CDATA section so the page
  /// stays well-formed XML; it contains no `]]>`, `</script` or `<!--`.
  static let script = """
    //<![CDATA[
    (function () {
      "use strict";
      var data = JSON.parse(document.getElementById("truce-data").textContent);
      var rows = data.timeline.rows;
      var views = data.view.rows;
      var stops = data.cursor.stops;
      var chart = document.getElementById("chart");
      var slider = document.getElementById("cursor-range");
      var line = document.getElementById("cursor-line");
      var details = document.getElementById("details-body");
      var hint = details.textContent;
      var pinned = null;
      var selected = null;

      function add(parent, tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text !== undefined && text !== null) { node.textContent = text; }
        parent.appendChild(node);
        return node;
      }

      function addText(parent, text) {
        parent.appendChild(document.createTextNode(text));
      }

      // The index of row i's embedded stretch covering the instant, or -1.
      function segmentAt(i, seconds) {
        var segments = views[i].segments;
        for (var j = 0; j < segments.length; j += 1) {
          if (segments[j].from <= seconds && seconds < segments[j].until) { return j; }
        }
        return -1;
      }

      function setCursor(index) {
        var stop = stops[index];
        var certain = document.getElementById("certainly");
        var possible = document.getElementById("possibly");
        slider.value = String(index);
        line.setAttribute("x1", String(stop[1]));
        line.setAttribute("x2", String(stop[1]));
        document.getElementById("cursor-time").textContent = stop[2];
        certain.textContent = "";
        possible.textContent = "";
        rows.forEach(function (row, i) {
          var j = segmentAt(i, stop[0]);
          var certainty = j < 0 ? null : row.segments[j].certainty;
          var group = chart.querySelector("[data-row='" + i + "']");
          group.querySelector(".now-mark").textContent =
            certainty === null ? "" : (certainty === "certain" ? "\\u25cf" : "\\u25d0");
          group.classList.toggle("now", certainty !== null);
          if (certainty === null) { return; }
          var item = add(certainty === "certain" ? certain : possible, "li");
          add(item, "strong", null, row.kind + " " + row.id);
          add(item, "span", "muted", " \\u00b7 " + views[i].areaName);
          if (views[i].segments[j].why) { add(item, "div", "why", views[i].segments[j].why); }
          add(item, "div", "times", "start " + views[i].start + " \\u00b7 end " + views[i].end);
          item.addEventListener("click", function () {
            pinned = { row: i, segment: j, node: group.querySelector("[data-segment='" + j + "']") };
            show(pinned);
          });
        });
        [certain, possible].forEach(function (list) {
          if (!list.firstChild) { add(list, "li", "muted", "nothing"); }
        });
      }

      function boundary(parent, name, value, texts, summary) {
        var head = add(parent, "div", "times");
        add(head, "strong", null, name + ": ");
        addText(head, summary);
        var list = add(parent, "ul");
        value.reports.forEach(function (report, k) {
          // The time as given, then as placed when that says more (a zone, an offset).
          var said = report.given === null ? (report.derivation || "derived")
            : texts[k].indexOf(report.given) === 0 ? texts[k]
            : report.given + " \\u2192 " + texts[k];
          var item = add(list, "li", "why", said + " \\u2014 source " + report.source + ", event ");
          add(item, "span", "mono", report.event);
        });
      }

      function eventBlock(parent, id) {
        var event = data.events[id];
        var box = add(parent, "div", "event");
        if (!event) { add(box, "div", "mono", id); return; }
        var head = add(box, "div", "head");
        add(head, "strong", "mono", event.id);
        addText(head, " \\u00b7 " + event.type + " \\u00b7 announced " + event.announced +
          (event.announcedBy.length ? " by " + event.announcedBy.join(", ") : ""));
        var source = event.source;
        var parts = [source.publication,
          source.headline ? "\\u201c" + source.headline + "\\u201d" : null, source.seed];
        add(box, "div", "source",
          "Source " + event.citation + ": " + parts.filter(Boolean).join(" \\u00b7 "));
        if (source.quote) { add(box, "blockquote", null, "\\u201c" + source.quote + "\\u201d"); }
        if (source.url) { add(box, "div", "source mono", source.url); }
        if (event.note) { add(box, "div", "note", event.note); }
      }

      function show(item) {
        if (selected) { selected.classList.remove("selected"); }
        selected = item && item.node ? item.node : null;
        if (selected) { selected.classList.add("selected"); }
        details.textContent = "";
        if (!item) { add(details, "p", "hint", hint); return; }
        if (item.announcement !== undefined) {
          var announcement = data.timeline.announcements[item.announcement];
          var placed = data.view.announcements[item.announcement];
          add(details, "h3", null, "Announcement placed at " + placed.at);
          if (placed.placement) { add(details, "div", "why", placed.placement); }
          if (announcement.subject) { add(details, "div", "times", "about " + announcement.subject); }
          eventBlock(details, announcement.event);
          return;
        }
        var row = rows[item.row];
        var view = views[item.row];
        add(details, "h3", null, row.kind + " " + row.id + " \\u00b7 " + view.areaName);
        if (item.segment >= 0) {
          add(details, "div", "times", view.segments[item.segment].text);
          if (view.segments[item.segment].why) {
            add(details, "div", "why", "Only possibly: " + view.segments[item.segment].why);
          }
        }
        boundary(details, "Start", row.start, view.startReports, view.start);
        boundary(details, "End", row.end, view.endReports, view.end);
        add(details, "h3", null, "Events behind it (" + row.events.length + ")");
        row.events.forEach(function (id) { eventBlock(details, id); });
      }

      function itemOf(node) {
        var hit = node && node.closest ? node.closest(".seg, .ann, .row-label") : null;
        if (!hit) { return null; }
        if (hit.classList.contains("ann")) {
          return { announcement: Number(hit.getAttribute("data-announcement")), node: hit };
        }
        var row = Number(hit.closest("[data-row]").getAttribute("data-row"));
        var segment = hit.classList.contains("seg") ? Number(hit.getAttribute("data-segment")) : -1;
        return { row: row, segment: segment, node: hit };
      }

      chart.addEventListener("mouseover", function (event) {
        var item = itemOf(event.target);
        if (item) { show(item); }
      });
      chart.addEventListener("mouseout", function (event) {
        if (itemOf(event.target)) { show(pinned); }
      });
      chart.addEventListener("focusin", function (event) {
        var item = itemOf(event.target);
        if (item) { pinned = item; show(item); }
      });
      chart.addEventListener("click", function (event) {
        // Read the pointer in chart units before the details change the page's layout.
        var matrix = chart.getScreenCTM();
        var point = chart.createSVGPoint();
        point.x = event.clientX;
        point.y = event.clientY;
        var x = matrix ? point.matrixTransform(matrix.inverse()).x : -1;
        var item = itemOf(event.target);
        if (item) { pinned = item; show(item); }
        if (x < data.cursor.plot.left || x > data.cursor.plot.right) { return; }
        var best = 0;
        for (var k = 1; k < stops.length; k += 1) {
          if (Math.abs(stops[k][1] - x) < Math.abs(stops[best][1] - x)) { best = k; }
        }
        setCursor(best);
      });
      slider.addEventListener("input", function () { setCursor(Number(slider.value)); });
      setCursor(data.cursor.initial);
    })();
    //]]>
    """
}
