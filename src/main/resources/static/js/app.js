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
    });
    form.addEventListener('submit', function () { dirty = false; });
    window.addEventListener('beforeunload', function (event) {
        if (dirty) {
            event.preventDefault();
            event.returnValue = form.getAttribute('data-dirty-message');
        }
    });
}());
