// Chỉ tiêu — small helps in the browser. The server checks everything again; this only tells
// the user sooner. Loaded on every page; no inline script anywhere (Content-Security-Policy).
(function () {
    'use strict';

    // Ask before a button whose action cannot be undone (e.g. submitting for review).
    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-confirm]');
        if (button && !window.confirm(button.getAttribute('data-confirm'))) {
            event.preventDefault();
        }
    });

    // Print the page (the account slips of a roster import).
    document.addEventListener('click', function (event) {
        if (event.target.closest('[data-print]')) {
            window.print();
        }
    });

    var form = document.getElementById('figures-form');
    if (!form) {
        return;
    }

    // Read a number the way the server does: 1.234 or 1 234 for thousands, 12,5 or 12.5.
    function parse(text) {
        var t = text.trim().replace(/\u00a0/g, ' ');
        if (t === '') { return { empty: true }; }
        if (/^-?\d+$/.test(t)) { return { value: Number(t), decimals: false }; }
        if (/^-?\d{1,3}([. ]\d{3})+$/.test(t)) { return { value: Number(t.replace(/[. ]/g, '')), decimals: false }; }
        if (/^-?\d{1,3}([. ]\d{3})+,\d+$/.test(t)) {
            return { value: Number(t.replace(/[. ]/g, '').replace(',', '.')), decimals: true };
        }
        if (/^-?\d+[.,]\d+$/.test(t)) {
            var v = Number(t.replace(',', '.'));
            return { value: v, decimals: v !== Math.trunc(v) };
        }
        return { invalid: true };
    }

    function check(input) {
        var kind = input.getAttribute('data-kind');
        if (!kind) { return; }
        var box = document.getElementById(input.id + '-msg');
        var result = parse(input.value);
        var message = '';
        if (result.invalid) {
            message = input.getAttribute('data-msg-number');
        } else if (!result.empty) {
            var min = input.getAttribute('data-min');
            var max = input.getAttribute('data-max');
            if (kind === 'integer' && result.decimals) {
                message = input.getAttribute('data-msg-integer');
            } else if (min !== null && min !== '' && result.value < Number(min)) {
                message = input.getAttribute('data-msg-min');
            } else if (max !== null && max !== '' && result.value > Number(max)) {
                message = input.getAttribute('data-msg-max');
            }
        }
        var local = box.querySelector('.client-check');
        if (!local) {
            local = document.createElement('div');
            local.className = 'client-check text-danger';
            box.appendChild(local);
        }
        local.textContent = message;
        input.classList.toggle('is-invalid', message !== '');
        input.setAttribute('aria-invalid', message !== '' ? 'true' : 'false');
    }

    var dirty = false;
    form.addEventListener('input', function () { dirty = true; });
    form.addEventListener('change', function (event) {
        dirty = true;
        if (event.target.matches('input[data-kind]')) { check(event.target); }
        autosave(event.target);
    });

    // Autosave: a figure is saved as a draft as soon as the user leaves its field, by the
    // same save as the form's (what the field was loaded with goes along, and the version
    // the form was loaded on). Saves go one after the other; each brings back the new
    // version, so that the next one, or the full save, counts as made on it. If someone
    // else saved meanwhile, the whole form is sent as a draft: the answer is the merge page
    // of a full save. Without JavaScript the form saves as before.
    var autosaveUrl = form.getAttribute('data-autosave-url');
    var status = document.getElementById('autosave-status');
    var queue = Promise.resolve();
    var pending = 0;
    var gaveUp = false;
    if (form.querySelector('.conflict-choice')) {
        // Choosing between two people's values is done by saving the whole form.
        autosaveUrl = null;
    }

    function field(name, prefix) {
        return form.querySelector('[name="' + prefix + name.substring(1) + '"]');
    }

    function hidden(name) {
        return form.querySelector('input[type="hidden"][name="' + name + '"]');
    }

    // Whether every field holds what was last saved (nothing to lose by leaving).
    function allSaved() {
        return Array.prototype.every.call(form.querySelectorAll('[name^="f."]'), function (input) {
            var original = field(input.name, 'o');
            return !original || original.value.trim() === input.value.trim();
        });
    }

    function autosave(target) {
        if (!autosaveUrl || gaveUp || !target.name || !/^[fne]\./.test(target.name)) { return; }
        var name = 'f' + target.name.substring(1);
        pending++;
        queue = queue.then(function () {
            return send(name);
        }).catch(function () {
            if (status) { status.textContent = form.getAttribute('data-autosave-failed'); }
        }).then(function () {
            pending--;
        });
    }

    function send(name) {
        var input = form.querySelector('[name="' + name + '"]');
        var original = field(name, 'o');
        if (!input || !original) { return Promise.resolve(); }
        var note = field(name, 'n');
        var originalNote = field(name, 'p');
        var sent = input.value;
        var sentNote = note ? note.value : null;
        var data = new URLSearchParams();
        data.append('_csrf', hidden('_csrf').value);
        data.append('version', hidden('version').value);
        data.append('openedAt', hidden('openedAt').value);
        data.append(name, sent);
        data.append(original.name, original.value);
        if (note && originalNote) {
            data.append(note.name, sentNote);
            data.append(originalNote.name, originalNote.value);
        }
        if (status) { status.textContent = form.getAttribute('data-autosaving'); }
        var explanation = field(name, 'e');
        if (explanation) {
            data.append(explanation.name, explanation.value);
        }
        return window.fetch(autosaveUrl, {
            method: 'POST', credentials: 'same-origin', cache: 'no-store', body: data,
            headers: { 'Accept': 'application/json' }
        }).then(function (response) {
            return response.json().then(function (body) { return { status: response.status, body: body }; });
        }).then(function (answer) {
            var box = document.getElementById(input.id + '-msg');
            var server = box ? box.querySelector('.autosave-check') : null;
            if (box && !server) {
                server = document.createElement('div');
                server.className = 'autosave-check text-danger';
                box.appendChild(server);
            }
            if (answer.body.status === 'saved') {
                hidden('version').value = answer.body.version;
                hidden('openedAt').value = answer.body.openedAt;
                original.value = sent;
                if (note && originalNote) { originalNote.value = sentNote; }
                if (server) { server.textContent = ''; }
                if (status) { status.textContent = answer.body.message; }
                if (answer.body.warnings && answer.body.warnings[name]) {
                    plausibility(input, box, answer.body.warnings[name], answer.body.explanationLabel);
                }
                dirty = !allSaved();
            } else if (answer.body.status === 'invalid') {
                var messages = (answer.body.fields && answer.body.fields[name]) || [];
                if (server) { server.textContent = messages.join(' '); }
                if (messages.length) {
                    input.classList.add('is-invalid');
                    input.setAttribute('aria-invalid', 'true');
                }
                if (status) { status.textContent = answer.body.message; }
            } else if (answer.body.status === 'conflict') {
                gaveUp = true;
                conflict();
            } else {
                gaveUp = true;
                if (status) { status.textContent = answer.body.message; }
            }
        });
    }

    // A figure just saved that looks implausible (far from last year's or from similar
    // schools): its warning and the box for the unit's explanation, at once, as the page
    // would show them after a reload; both go when the figure no longer looks implausible.
    function plausibility(input, box, warnings, label) {
        if (!box) { return; }
        Array.prototype.forEach.call(box.querySelectorAll('.plausibility-warning'), function (old) {
            box.removeChild(old);
        });
        warnings.forEach(function (text) {
            var line = document.createElement('div');
            line.className = 'text-warning-emphasis plausibility-warning';
            line.textContent = text;
            box.appendChild(line);
        });
        var explanation = field(input.name, 'e');
        if (!explanation && warnings.length) {
            var wrapper = document.createElement('div');
            wrapper.className = 'mt-1 explanation';
            var caption = document.createElement('label');
            caption.className = 'form-label small mb-0';
            caption.htmlFor = input.id + '-explanation';
            caption.textContent = label;
            explanation = document.createElement('input');
            explanation.type = 'text';
            explanation.className = 'form-control form-control-sm';
            explanation.maxLength = 500;
            explanation.id = input.id + '-explanation';
            explanation.name = 'e' + input.name.substring(1);
            wrapper.appendChild(caption);
            wrapper.appendChild(explanation);
            box.parentNode.insertBefore(wrapper, box.nextSibling);
        }
        if (explanation) {
            explanation.parentNode.hidden = warnings.length === 0;
        }
    }

    // Someone else saved since the form was loaded: the full save shows what they changed
    // and merges, as when the user presses the button.
    var waitingSubmitter = null;
    function conflict() {
        var button = waitingSubmitter || form.querySelector('button[name="action"][value="save"]');
        waitingSubmitter = null;
        dirty = false;
        submitting = true;
        form.requestSubmit(button);
    }

    // A value typed just before pressing a button is being autosaved as the button is
    // pressed: the form is sent once that save is done, on the version it brought back.
    var submitting = false;
    form.addEventListener('submit', function (event) {
        if (submitting || pending === 0) {
            dirty = false;
            return;
        }
        event.preventDefault();
        waitingSubmitter = event.submitter || null;
        queue.then(function () {
            if (gaveUp && waitingSubmitter === null) { return; }
            var button = waitingSubmitter;
            waitingSubmitter = null;
            submitting = true;
            dirty = false;
            form.requestSubmit(button);
        });
    });

    // Typing takes no request: keep the session alive while there are unsaved changes, so
    // that saving after a long while does not find it ended (30 minutes without a request).
    var keepAlive = form.getAttribute('data-keepalive-url');
    if (keepAlive) {
        window.setInterval(function () {
            if (dirty) {
                window.fetch(keepAlive, { credentials: 'same-origin', cache: 'no-store' });
            }
        }, 5 * 60 * 1000);
    }
    window.addEventListener('beforeunload', function (event) {
        if (dirty) {
            event.preventDefault();
            event.returnValue = form.getAttribute('data-dirty-message');
        }
    });
}());

// Charts of an indicator's yearly values (Chart.js, loaded only on pages that have one).
// The data comes from the server in the canvas's data-chart attribute; a table on the same
// page gives every value, so nothing depends on the chart.
(function () {
    'use strict';

    var canvas = document.querySelector('canvas[data-chart]');
    if (!canvas) {
        return;
    }
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var styles = {
        actual: { borderColor: '#0d6efd', backgroundColor: '#0d6efd', borderWidth: 3, pointRadius: 5,
                  pointStyle: 'circle' },
        target: { borderColor: '#198754', backgroundColor: '#198754', borderWidth: 2, pointRadius: 0,
                  borderDash: [] },
        high: { borderColor: '#198754', backgroundColor: '#198754', borderWidth: 2, pointRadius: 0,
                borderDash: [2, 2] },
        expected: { borderColor: '#6c757d', backgroundColor: '#6c757d', borderWidth: 1.5, pointRadius: 3,
                    pointStyle: 'rect', borderDash: [6, 4] },
        trend: { borderColor: '#fd7e14', backgroundColor: '#fd7e14', borderWidth: 2, pointRadius: 0,
                 borderDash: [2, 4] }
    };
    var number = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 1 });
    function format(value) {
        return number.format(value) + (data.percent ? ' %' : '');
    }

    function draw() {
        var datasets = data.series.map(function (s) {
            var style = styles[s.key] || {};
            var dataset = Object.assign({ label: s.label, data: s.data, spanGaps: s.key !== 'actual', tension: 0,
                                          fill: false }, style);
            if (s.key === 'actual' && data.estimates) {
                // An estimate (incomplete figures, year still open): a hollow point.
                dataset.pointBackgroundColor = data.estimates.map(function (e) {
                    return e ? '#ffffff' : style.backgroundColor;
                });
                dataset.pointStyle = data.estimates.map(function (e) { return e ? 'rectRot' : 'circle'; });
            }
            return dataset;
        });
        // eslint-disable-next-line no-new
        new window.Chart(canvas, {
            type: 'line',
            data: { labels: data.labels, datasets: datasets },
            options: {
                maintainAspectRatio: false,
                animation: false,
                interaction: { mode: 'index', intersect: false },
                plugins: {
                    legend: { position: 'bottom', labels: { usePointStyle: true } },
                    tooltip: {
                        callbacks: {
                            label: function (context) {
                                if (context.parsed.y === null) { return null; }
                                var text = context.dataset.label + ': ' + format(context.parsed.y);
                                var estimate = data.estimates && data.estimates[context.dataIndex]
                                    && context.dataset.label === data.series[0].label;
                                return estimate ? text + ' (' + data.estimateLabel + ')' : text;
                            }
                        }
                    }
                },
                scales: {
                    y: {
                        beginAtZero: false,
                        title: { display: !data.percent, text: data.unit },
                        ticks: { callback: function (value) { return format(value); } }
                    }
                }
            }
        });
    }

    if (window.Chart) {
        draw();
        return;
    }
    var script = document.createElement('script');
    script.src = canvas.getAttribute('data-chart-src');
    script.onload = draw;
    document.head.appendChild(script);
})();
