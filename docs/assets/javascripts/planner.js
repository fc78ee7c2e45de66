/* "Plan je groep": plan a cohort and make its papers in the browser.
 *
 * The data (sessions, public holidays, intake weeks) comes from the build as
 * window.KIX_PLANNER (assets/javascripts/planner-data.js, see macros/planner.py).
 * plan() follows the rules of macros/cohort.py exactly; tests/test_planner.py runs
 * both on the same inputs. Nothing typed here leaves the device: no request is
 * made, and the inputs are kept only in this browser's localStorage.
 */
(function () {
  "use strict";

  var DAY = 24 * 60 * 60 * 1000;
  var STORAGE_KEY = "kix-planner";
  var DAY_OFF = "vrije dag van de gemeente";

  // --- Dates: "YYYY-MM-DD" strings, computed in UTC so no clock change interferes ---

  function parseDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!match) return null;
    var date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return isoDate(date) === text ? date : null;
  }

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  function addDays(date, days) {
    return new Date(date.getTime() + days * DAY);
  }

  function minutesOf(clock) {
    var match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock || "");
    return match ? +match[1] * 60 + +match[2] : null;
  }

  function addMinutes(clock, minutes) {
    var total = (minutesOf(clock) + minutes) % (24 * 60);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(Math.floor(total / 60)) + ":" + pad(total % 60);
  }

  /* "dinsdag 20 april 2027" (or without the weekday), as cohort.date_text. */
  function dateText(data, date, weekday) {
    var text = date.getUTCDate() + " " + data.maanden[date.getUTCMonth()] + " " + date.getUTCFullYear();
    return weekday === false ? text : data.weekdagen[(date.getUTCDay() + 6) % 7] + " " + text;
  }

  function dayMonth(date) {
    return isoDate(date).slice(8, 10) + "-" + isoDate(date).slice(5, 7);
  }

  // --- The rules of macros/cohort.py -------------------------------------------------

  function groupSessions(data) {
    return data.sessies.filter(function (s) { return s.groep !== "individueel"; });
  }

  /* Why no meeting can be on `date` (a public holiday or a day off), or null. */
  function blockedReason(data, daysOff, date) {
    var day = isoDate(date);
    if (data.feestdagen[day]) return data.feestdagen[day];
    for (var i = 0; i < daysOff.length; i++) {
      if (daysOff[i].van <= day && day <= daysOff[i].tot) return DAY_OFF;
    }
    return null;
  }

  /* Every group meeting on a date, or the problems. `input` holds startdatum,
     begintijd, eindtijd (checked) and vrijeDagen: [{van, tot}] as "YYYY-MM-DD". */
  function plan(data, input) {
    var start = parseDate(input.startdatum);
    var daysOff = input.vrijeDagen || [];
    var lastDay = addDays(start, 7 * data.langsteWeken);
    var slot = minutesOf(input.eindtijd) - minutesOf(input.begintijd);
    var problems = [];
    var meetings = [];
    var reason = blockedReason(data, daysOff, start);
    if (reason) {
      problems.push({ veld: "startdatum", tekst: "De kick-off valt op " + reason + " (" +
        dateText(data, start) + "). Kies een dag waarop de groep bij elkaar kan komen." });
    }
    var sessions = groupSessions(data);
    var longest = Math.max.apply(null, sessions.map(function (s) { return s.duur; }));
    if (longest > slot) {
      problems.push({ veld: "eindtijd", tekst: "De langste bijeenkomst duurt " + longest +
        " minuten, maar van " + input.begintijd + " tot " + input.eindtijd + " is maar " + slot +
        " minuten. Kies een eindtijd die daar ruimte voor geeft." });
    }
    var previous = null;
    for (var i = 0; i < sessions.length; i++) {
      var session = sessions[i];
      var day = previous ? addDays(previous.datum, 7 * (session.week - previous.week)) : start;
      var skipped = [];
      while (previous && day <= lastDay && (reason = blockedReason(data, daysOff, day))) {
        skipped.push([isoDate(day), reason]);
        day = addDays(day, 7);
      }
      if (day > lastDay) {
        problems.push({ veld: "vrije_dagen", tekst: "De vrije dagen beslaan de hele periode: na " +
          dateText(data, previous.datum, false) + " is er binnen " + data.langsteWeken +
          " weken na de kick-off geen week meer vrij voor " + session.titel +
          ". Maak de vrije perioden korter." });
        break;
      }
      meetings.push({ sessie: session, datum: isoDate(day), begin: input.begintijd,
                      eind: addMinutes(input.begintijd, session.duur), overgeslagen: skipped });
      previous = { week: session.week, datum: day };
    }
    return { bijeenkomsten: problems.length ? [] : meetings, fouten: problems };
  }

  /* First and last day of the intake conversations, as cohort.intake_window. */
  function intakeWindow(data, startdatum) {
    var start = parseDate(startdatum);
    return [addDays(start, -7 * data.intakeWeken), addDays(start, -1)];
  }

  /* "van 20 april 2027 tot 13 juli 2027": the period on the certificate. */
  function period(data, meetings) {
    var dates = meetings.filter(function (m) { return m.sessie.soort !== "terugkomdag"; })
      .map(function (m) { return m.datum; }).sort();
    return "van " + dateText(data, parseDate(dates[0]), false) + " tot " +
      dateText(data, parseDate(dates[dates.length - 1]), false);
  }

  // --- Checking what was typed ---------------------------------------------------------

  /* The problems with the input, per field, before planning; none means plan() may run. */
  function check(data, input) {
    var problems = [];
    var add = function (veld, tekst) { problems.push({ veld: veld, tekst: tekst }); };
    var range = "Kies een datum van " + dateText(data, parseDate(data.eersteStart), false) +
      " tot en met " + dateText(data, parseDate(data.laatsteStart), false) +
      ": voor andere jaren kent deze pagina de feestdagen niet.";
    if (!input.gemeente.trim()) add("gemeente", "Vul de naam van de gemeente in.");
    if (!input.startdatum) {
      add("startdatum", "Vul de datum van de kick-off in.");
    } else if (!parseDate(input.startdatum)) {
      add("startdatum", "Dit is geen datum. Schrijf de datum als dag-maand-jaar, bijvoorbeeld 20-04-2027.");
    } else if (input.startdatum < data.eersteStart || input.startdatum > data.laatsteStart) {
      add("startdatum", "Deze datum ligt buiten het bereik van de planning. " + range);
    }
    ["begintijd", "eindtijd"].forEach(function (field) {
      if (minutesOf(input[field]) === null) add(field, "Vul een tijd in, bijvoorbeeld 13:00.");
    });
    if (minutesOf(input.begintijd) !== null && minutesOf(input.eindtijd) !== null &&
        minutesOf(input.eindtijd) <= minutesOf(input.begintijd)) {
      add("eindtijd", "De eindtijd (" + input.eindtijd + ") ligt niet na de begintijd (" +
        input.begintijd + "). Kies een eindtijd later op de dag.");
    }
    input.vrijeDagen.forEach(function (days, index) {
      var which = "Vrije periode " + (index + 1) + ": ";
      if (!parseDate(days.van) || !parseDate(days.tot)) {
        add("vrije_dagen", which + "vul bij 'van' en bij 'tot en met' een datum in.");
      } else if (days.tot < days.van) {
        add("vrije_dagen", which + "de periode eindigt voor ze begint. Kies 'tot en met' op of na 'van'.");
      } else if (days.van < data.eersteStart || days.tot > data.laatsteDag) {
        add("vrije_dagen", which + "deze periode ligt buiten het bereik van de planning. " + range);
      }
    });
    return problems;
  }

  // --- The calendar file (.ics), equivalent to cohort.calendar_file ---------------------

  var TIMEZONE = [
    "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
    "DTSTART:19810329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
    "DTSTART:19961027T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE"
  ];

  function icsText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r?\n/g, "\\n");
  }

  /* A content line folded at 75 octets (RFC 5545), never inside a UTF-8 character. */
  function fold(line) {
    var parts = [];
    var current = "";
    var octets = 0;
    Array.from(line).forEach(function (character) {
      var size = new TextEncoder().encode(character).length;
      if (octets + size > (parts.length ? 74 : 75)) {
        parts.push(current);
        current = "";
        octets = 0;
      }
      current += character;
      octets += size;
    });
    parts.push(current);
    return parts.join("\r\n ");
  }

  function localTime(day, clock) {
    return day.replace(/-/g, "") + "T" + clock.replace(":", "") + "00";
  }

  function slug(text) {
    return text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function calendarFile(data, input, meetings, made) {
    var stamp = made.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//K!X Works open handboek//kalender//NL",
                 "CALSCALE:GREGORIAN", "X-WR-CALNAME:" + icsText("K!X Works " + input.gemeente.trim())];
    lines = lines.concat(TIMEZONE);
    meetings.forEach(function (m) {
      var link = data.siteUrl + m.sessie.pad;
      lines.push("BEGIN:VEVENT", "UID:" + m.sessie.id + "-" + m.datum + "@kix-works",
        "DTSTAMP:" + stamp,
        "DTSTART;TZID=Europe/Amsterdam:" + localTime(m.datum, m.begin),
        "DTEND;TZID=Europe/Amsterdam:" + localTime(m.datum, m.eind),
        "SUMMARY:" + icsText("K!X Works: " + m.sessie.titel));
      if (input.locatie.trim()) lines.push("LOCATION:" + icsText(input.locatie.trim()));
      lines.push("DESCRIPTION:" + icsText("Draaiboek en werkbladen: " + link), "URL:" + link,
                 "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  window.KixPlanner = { plan: plan, check: check, intakeWindow: intakeWindow,
                        calendarFile: calendarFile, period: period, slug: slug };

  // --- The page ----------------------------------------------------------------------------

  var root = document.querySelector(".kix-planner");
  var data = window.KIX_PLANNER;
  if (!root || !data) return;
  var form = root.querySelector("form");
  var result = root.querySelector(".kix-planner-uitkomst");
  var periods = root.querySelector(".kix-planner-perioden");
  var calendarUrl = null;
  var periodCount = 0;

  function field(name) { return form.elements.namedItem(name); }

  function addPeriod(values) {
    var number = periods.children.length + 1;
    periodCount += 1;
    var item = document.createElement("li");
    item.className = "kix-planner-periode";
    [["van", "Van"], ["tot", "Tot en met"]].forEach(function (part) {
      var id = "kix-vrij-" + part[0] + "-" + periodCount;
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = part[1];
      var box = document.createElement("input");
      box.type = "date";
      box.id = id;
      box.className = "kix-planner-vrij-" + part[0];
      box.setAttribute("aria-describedby", "kix-fout-vrije_dagen");
      box.value = (values && values[part[0]]) || "";
      label.appendChild(box);
      item.appendChild(label);
    });
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "md-button kix-planner-weg";
    remove.textContent = "Verwijderen";
    remove.setAttribute("aria-label", "Vrije periode " + number + " verwijderen");
    remove.addEventListener("click", function () {
      item.remove();
      var next = periods.querySelector("input") || root.querySelector(".kix-planner-periode-erbij");
      next.focus();
      save();
    });
    item.appendChild(remove);
    periods.appendChild(item);
    return item;
  }

  function readForm() {
    var daysOff = Array.prototype.map.call(periods.children, function (item) {
      return { van: item.querySelector(".kix-planner-vrij-van").value,
               tot: item.querySelector(".kix-planner-vrij-tot").value };
    }).filter(function (days) { return days.van || days.tot; });
    var names = field("namen").value.split(/\r?\n/).map(function (name) { return name.trim(); })
      .filter(Boolean);
    return { gemeente: field("gemeente").value, locatie: field("locatie").value,
             startdatum: field("startdatum").value, begintijd: field("begintijd").value,
             eindtijd: field("eindtijd").value, vrijeDagen: daysOff, namen: names };
  }

  // --- Keeping the input in this browser, and clearing it --------------------------------

  function save() {
    var input = readForm();
    input.namen = field("namen").value;
    try { localStorage.setItem(STORAGE_KEY, JSON.stringify(input)); } catch (e) { /* private mode */ }
  }

  function restore() {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || "null"); } catch (e) { saved = null; }
    var longest = Math.max.apply(null, groupSessions(data).map(function (s) { return s.duur; }));
    var values = saved || { begintijd: data.begintijd, eindtijd: addMinutes(data.begintijd, longest),
                            vrijeDagen: [] };
    ["gemeente", "locatie", "startdatum", "begintijd", "eindtijd", "namen"].forEach(function (name) {
      field(name).value = values[name] || "";
    });
    periods.textContent = "";
    (values.vrijeDagen && values.vrijeDagen.length ? values.vrijeDagen : [null]).forEach(addPeriod);
    return Boolean(saved);
  }

  function clearAll() {
    try { localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing kept */ }
    form.reset();
    restore();
    showProblems([]);
    clearResult();
    status("Alles is gewist. Er staat niets meer van deze groep in deze browser.");
    field("gemeente").focus();
  }

  function status(text) {
    root.querySelector(".kix-planner-melding").textContent = text;
  }

  // --- Problems next to the fields --------------------------------------------------------

  function showProblems(problems) {
    root.querySelectorAll(".kix-fout").forEach(function (box) {
      var name = box.id.replace("kix-fout-", "");
      var own = problems.filter(function (p) { return p.veld === name; });
      box.textContent = own.map(function (p) { return p.tekst; }).join(" ");
      box.hidden = own.length === 0;
      var inputs = name === "vrije_dagen" ? periods.querySelectorAll("input") : [field(name)];
      Array.prototype.forEach.call(inputs, function (input) {
        if (own.length) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      });
    });
  }

  // --- The result: the planning, the calendar file and the print views -------------------

  function clearResult() {
    result.hidden = true;
    result.querySelector("tbody").textContent = "";
    root.querySelectorAll(".kix-afdruk").forEach(function (view) { view.textContent = ""; });
    if (calendarUrl) URL.revokeObjectURL(calendarUrl);
    calendarUrl = null;
    delete document.body.dataset.kixAfdruk;
  }

  function cell(row, content) {
    var td = document.createElement("td");
    if (typeof content === "string") td.textContent = content;
    else td.appendChild(content);
    row.appendChild(td);
  }

  function showPlanning(input, meetings) {
    result.querySelector("h2").textContent = "Planning van de groep in " + input.gemeente.trim();
    var place = result.querySelector(".kix-planner-plaats");
    place.textContent = "Locatie: " + input.locatie.trim() + ".";
    place.hidden = !input.locatie.trim();
    var intake = intakeWindow(data, input.startdatum);
    result.querySelector(".kix-planner-intake").textContent = "Intakegesprekken met elke kandidaat: van " +
      dateText(data, intake[0], false) + " tot en met " + dateText(data, intake[1], false) + ", op afspraak.";
    var body = result.querySelector("tbody");
    meetings.forEach(function (m) {
      var row = document.createElement("tr");
      row.dataset.datum = m.datum;
      row.dataset.sessie = m.sessie.id;
      cell(row, dateText(data, parseDate(m.datum)));
      cell(row, m.begin + "–" + m.eind);
      var link = document.createElement("a");
      link.href = root.dataset.basis + m.sessie.pad;
      link.textContent = m.sessie.titel;
      cell(row, link);
      cell(row, m.overgeslagen.map(function (skip) {
        return "een week later: " + skip[1] + " op " + dateText(data, parseDate(skip[0]), false);
      }).join("; "));
      body.appendChild(row);
    });
  }

  function offerCalendar(input, meetings) {
    var text = calendarFile(data, input, meetings, new Date());
    calendarUrl = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    var link = result.querySelector(".kix-planner-kalender");
    link.href = calendarUrl;
    link.setAttribute("download", "kix-works-" + (slug(input.gemeente) || "groep") + ".ics");
  }

  /* A copy of a form from the build. Its tables get a class, so that they look as in
     the PDF and not as the site's Markdown tables (Material styles table:not([class])). */
  function fromTemplate(id) {
    var sheet = document.getElementById(id).content.firstElementChild.cloneNode(true);
    sheet.querySelectorAll("table:not([class])").forEach(function (table) {
      table.className = "kix-afdruk-tabel";
    });
    return sheet;
  }

  /* Replace the build's markers ([[naam]], [[periode]]) in the text of a print view. */
  function replaceMarks(node, values) {
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    var texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach(function (text) {
      Object.keys(values).forEach(function (mark) {
        text.nodeValue = text.nodeValue.split(mark).join(values[mark]);
      });
    });
  }

  /* The presentielijst of the PDF form, with the dates and names of this group. */
  function attendanceList(input, meetings) {
    var sheet = fromTemplate("kix-sjabloon-presentielijst");
    /* Every value to fill in sits in an element with data-veld (see attendance_list.html). */
    function fillIn(name, text) {
      var field = sheet.querySelector('[data-veld="' + name + '"]');
      if (field) field.textContent = text;
      return field;
    }
    meetings.forEach(function (m) {
      if (m.sessie.groep !== "individueel") fillIn("datum-" + m.sessie.id, dayMonth(parseDate(m.datum)));
    });
    fillIn("groep", input.gemeente.trim() + ", vanaf " +
      dateText(data, parseDate(input.startdatum), false));
    var body = sheet.querySelector("tbody");
    input.namen.forEach(function (name, index) {
      var number = index + 1;
      if (!sheet.querySelector('[data-veld="deelnemer-' + number + '"]')) {
        var model = body.querySelector('[data-veld^="deelnemer-"]').parentElement;
        var row = model.cloneNode(true);
        row.cells[0].textContent = String(number);
        row.querySelector('[data-veld^="deelnemer-"]').dataset.veld = "deelnemer-" + number;
        model.parentElement.insertBefore(row, model.parentElement.querySelector('[data-veld="deelnemer-' + (number - 1) + '"]').parentElement.nextSibling);
      }
      fillIn("deelnemer-" + number, name);
    });
    return sheet;
  }

  function certificates(input, meetings) {
    var values = {};
    values[data.periodeMerk] = period(data, meetings);
    var names = input.namen.length ? input.namen : [null];
    return names.map(function (name) {
      var sheet = fromTemplate(name ? "kix-sjabloon-certificaat" : "kix-sjabloon-leeg-certificaat");
      values[data.naamMerk] = name || "";
      replaceMarks(sheet, values);
      return sheet;
    });
  }

  function makePrintViews(input, meetings) {
    root.querySelector('.kix-afdruk[data-afdruk="presentielijst"]').appendChild(attendanceList(input, meetings));
    var holder = root.querySelector('.kix-afdruk[data-afdruk="certificaten"]');
    certificates(input, meetings).forEach(function (sheet) { holder.appendChild(sheet); });
    root.querySelector(".kix-planner-geen-namen").hidden = input.namen.length > 0;
  }

  /* Print one view only: the planning (A4 upright) or a form (A4 landscape, as the PDF). */
  function choosePrint(view) {
    document.body.dataset.kixAfdruk = view;
    var style = document.getElementById("kix-afdruk-pagina");
    if (!style) {
      style = document.createElement("style");
      style.id = "kix-afdruk-pagina";
      document.head.appendChild(style);
    }
    style.textContent = "@page { size: A4" + (view === "planning" ? "" : " landscape") +
      "; margin: 10mm 12mm; }";
  }

  function submit(event) {
    event.preventDefault();
    save();
    var input = readForm();
    var problems = check(data, input);
    var planned = problems.length ? null : plan(data, input);
    if (planned) problems = planned.fouten;
    showProblems(problems);
    clearResult();
    if (problems.length) {
      status("Er klopt nog iets niet. Kijk bij de velden met een melding.");
      var first = problems[0].veld === "vrije_dagen" ? periods.querySelector("input") : field(problems[0].veld);
      (first || field("gemeente")).focus();
      return;
    }
    showPlanning(input, planned.bijeenkomsten);
    offerCalendar(input, planned.bijeenkomsten);
    makePrintViews(input, planned.bijeenkomsten);
    choosePrint("planning");
    result.hidden = false;
    status("De planning staat hieronder: " + planned.bijeenkomsten.length + " bijeenkomsten.");
    result.focus();
  }

  form.addEventListener("submit", submit);
  form.addEventListener("input", save);
  form.elements.namedItem("wissen").addEventListener("click", clearAll);
  root.querySelector(".kix-planner-periode-erbij").addEventListener("click", function () {
    addPeriod(null).querySelector("input").focus();
  });
  root.querySelectorAll("button[data-afdruk]").forEach(function (button) {
    button.addEventListener("click", function () {
      choosePrint(button.dataset.afdruk);
      /* Names in Arabic or Vietnamese use fonts that load only now: print when they are
         there, or the names would print empty. */
      document.fonts.ready.then(function () { window.print(); });
    });
  });
  if (restore() && field("gemeente").value && field("startdatum").value) {
    status("Je gegevens van de vorige keer staan nog in het formulier.");
  }
})();
