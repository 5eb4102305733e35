"use strict";
// The wallboard polls /api/wallboard twice a second and redraws from its answer; between answers,
// every "for" and "waiting" ticks on from the answer's own moment. Every value is set as text
// (textContent, setAttribute): nothing from the database is ever parsed as markup, and the page's
// Content-Security-Policy (require-trusted-types-for 'script') refuses any HTML sink besides.
(() => {
  // Twice a second, so that a change shows within a second even when an answer is slow to come.
  const pollEvery = 500;
  const asked = new URLSearchParams(location.search).get("at");
  // ?at= shows a past moment (a replayed day): it is fetched as often as the present, but
  // its timers stand still.
  const source = "/api/wallboard" + (asked ? "?at=" + encodeURIComponent(asked) : "");
  const svgNS = "http://www.w3.org/2000/svg";
  const byId = (id) => document.getElementById(id);

  let board = null;
  let answeredAt = 0;
  let lastAnswer = 0;
  let timers = [];

  // "YYYY-MM-DD HH:MM:SS" in the database's zone, as milliseconds on a clock of that zone: only
  // differences between two such times are used.
  const wallClock = (text) => {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
  };
  const sinceAnswer = () => (asked ? 0 : Math.floor((performance.now() - answeredAt) / 1000));
  const secondsSince = (text) => Math.max(0, Math.round((wallClock(board.now.at) - wallClock(text)) / 1000) + sinceAnswer());
  const clockText = (seconds) => {
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    const two = (n) => String(n).padStart(2, "0");
    return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
  };
  const figure = (value, unit) => (value === null || value === undefined ? "\u2013" : `${value}${unit || ""}`);

  const cell = (text, className) => {
    const td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    if (className) td.className = className;
    return td;
  };
  // A cell whose seconds tick on from `since` between answers.
  const timerCell = (since) => {
    const td = cell(clockText(secondsSince(since)), "number");
    timers.push({ element: td, since });
    return td;
  };
  const fill = (table, rows, emptyText, columns) => {
    const body = byId(table).tBodies[0];
    if (rows.length === 0) {
      const tr = document.createElement("tr");
      tr.className = "empty";
      const td = cell(emptyText);
      td.colSpan = columns;
      tr.append(td);
      body.replaceChildren(tr);
    } else {
      body.replaceChildren(...rows);
    }
  };

  function drawAgents(agents) {
    const counts = new Map();
    fill("agents", agents.map((agent) => {
      counts.set(agent.state, (counts.get(agent.state) || 0) + 1);
      const tr = document.createElement("tr");
      tr.dataset.agent = agent.agent;
      const state = document.createElement("span");
      state.className = "state " + agent.state;
      state.textContent = agent.state.replace("_", " ");
      const stateCell = cell("");
      stateCell.append(state);
      tr.append(cell(agent.agent), stateCell, timerCell(agent.since_time));
      return tr;
    }), "no agent signed in", 3);
    byId("agent-states").replaceChildren(...[...counts].map(([state, count]) => {
      const span = document.createElement("span");
      span.textContent = `${state.replace("_", " ")} ${count}`;
      return span;
    }));
  }

  function drawWaiting(waiting) {
    fill("waiting", waiting.map((call) => {
      const tr = document.createElement("tr");
      tr.dataset.session = call.sessionid;
      tr.append(cell(call.customer_number), cell(call.did), timerCell(call.start_time));
      return tr;
    }), "no call waiting", 3);
    byId("waiting-count").textContent = String(waiting.length);
    const longest = byId("longest-wait");
    longest.classList.toggle("alert", waiting.length > 0);
    if (waiting.length > 0) {
      longest.textContent = clockText(secondsSince(waiting[0].start_time));
      timers.push({ element: longest, since: waiting[0].start_time });
    } else {
      longest.textContent = "\u2013";
    }
  }

  function drawInProgress(calls) {
    fill("in-progress", calls.map((call) => {
      const tr = document.createElement("tr");
      tr.dataset.session = call.sessionid;
      tr.append(cell(call.customer_number), cell(call.agent), cell(call.direction), timerCell(call.answer_time));
      return tr;
    }), "no call in progress", 4);
    byId("in-progress-count").textContent = String(calls.length);
  }

  function drawToday(today) {
    byId("today-answered").textContent = figure(today.answered);
    byId("today-abandoned").textContent = figure(today.abandoned);
    byId("today-service-level").textContent = figure(today.service_level, "%");
    byId("today-asa").textContent = figure(today.asa_seconds, " s");
    byId("today-aht").textContent = today.aht_seconds === null || today.aht_seconds === undefined ? "\u2013" : clockText(Math.round(today.aht_seconds));
  }

  // One stacked bar per hour: answered at the bottom, not answered above; heights in proportion
  // to the busiest hour's calls.
  function drawHours(hours, currentHour) {
    const svg = byId("hourly");
    const width = 960, top = 12, bottom = 145, left = 34, slot = (width - left) / 24;
    const most = Math.max(1, ...hours.map((h) => h.calls));
    const scale = (bottom - top) / most;
    const shape = (name, attributes, text) => {
      const element = document.createElementNS(svgNS, name);
      for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
      if (text !== undefined) element.textContent = text;
      return element;
    };
    const parts = [
      shape("line", { x1: left, y1: bottom, x2: width, y2: bottom }),
      shape("line", { x1: left, y1: top, x2: width, y2: top }),
      shape("text", { x: left - 6, y: top + 4, "text-anchor": "end" }, String(most)),
      shape("text", { x: left - 6, y: bottom + 4, "text-anchor": "end" }, "0"),
    ];
    hours.forEach((hour, index) => {
      const x = left + index * slot + 3, w = slot - 6;
      const answered = hour.answered * scale, rest = (hour.calls - hour.answered) * scale;
      const bar = shape("g", { "data-hour": hour.hour, "data-calls": hour.calls, "data-answered": hour.answered });
      bar.append(shape("title", {}, `${hour.hour}:00 \u2013 ${hour.calls} calls, ${hour.answered} answered`));
      bar.append(shape("rect", { class: "answered", x, y: bottom - answered, width: w, height: answered }));
      bar.append(shape("rect", { class: "not-answered", x, y: bottom - answered - rest, width: w, height: rest }));
      if (hour.hour === currentHour) bar.append(shape("rect", { class: "now", x: x - 2, y: top, width: w + 4, height: bottom - top }));
      parts.push(bar, shape("text", { x: x + w / 2, y: bottom + 18, "text-anchor": "middle" }, hour.hour));
    });
    svg.replaceChildren(...parts);
  }

  function draw() {
    timers = [];
    byId("moment").textContent = board.now.at;
    drawAgents(board.now.agents);
    drawWaiting(board.now.waiting);
    drawInProgress(board.now.in_progress);
    drawToday(board.now.today);
    drawHours(board.today_by_hour, board.now.at.slice(11, 13));
  }

  // Between answers the timers tick on; after 5 s without one the page says so, keeping the last.
  function tick() {
    if (board === null) return;
    for (const timer of timers) timer.element.textContent = clockText(secondsSince(timer.since));
    const silent = Math.floor((Date.now() - lastAnswer) / 1000);
    if (silent >= 5) say(`no answer from astercdr for ${clockText(silent)}: showing the last one`, true);
  }

  function say(text, alarming) {
    const connection = byId("connection");
    connection.textContent = text;
    connection.classList.toggle("lost", alarming);
  }

  let leaving = false;

  async function poll() {
    try {
      // A connection left half-open must not stop the polling: each answer gets 5 s.
      const answer = await fetch(source, { cache: "no-store", credentials: "same-origin", signal: AbortSignal.timeout(5000) });
      // Signed out (the cookie expired, the token changed): the page itself asks for the token.
      if (answer.status === 401) {
        leaving = true;
        location.reload();
        return;
      }
      if (!answer.ok) {
        // astercdr's refusals are JSON with the reason (a bad ?at=, a database it cannot read).
        const refusal = await answer.json().catch(() => ({}));
        say(`astercdr answered ${answer.status}: ${refusal.error || answer.statusText}`, true);
        return;
      }
      const next = await answer.json();
      const previous = board;
      board = next;
      try {
        answeredAt = performance.now();
        draw();
      } catch (failure) {
        board = previous;
        throw failure;
      }
      lastAnswer = Date.now();
      say(asked ? "as it was at that moment" : "live", false);
    } catch {
      tick();
    } finally {
      if (!leaving) setTimeout(poll, pollEvery);
    }
  }

  setInterval(tick, 1000);
  poll();
})();
