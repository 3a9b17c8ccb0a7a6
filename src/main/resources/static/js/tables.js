// Chỉ tiêu — wide tables on narrow screens. Loaded on every page; no inline script
// (Content-Security-Policy).
(function () {
    'use strict';

    // A table scrolling sideways in its box can be scrolled with the keyboard too: the box
    // takes the focus and is named after the table's caption.
    document.querySelectorAll('.table-responsive').forEach(function (box) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        var caption = box.querySelector('caption');
        if (caption && !box.hasAttribute('aria-label')) {
            box.setAttribute('aria-label', caption.textContent.trim());
        }
    });

    // A table shown as cards on a phone (.table-cards, the figures of a form): each cell is
    // labelled with its column's heading, as the heading row is not shown there.
    document.querySelectorAll('table.table-cards, table.figures').forEach(function (table) {
        var headings = [];
        var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
        if (head) {
            Array.prototype.forEach.call(head.cells, function (cell) {
                for (var i = 0; i < (cell.colSpan || 1); i++) {
                    headings.push(cell.textContent.trim().replace(/\s+/g, ' '));
                }
            });
        }
        Array.prototype.forEach.call(table.tBodies, function (body) {
            Array.prototype.forEach.call(body.rows, function (row) {
                var column = 0;
                Array.prototype.forEach.call(row.cells, function (cell) {
                    if (!cell.hasAttribute('data-label') && headings[column]) {
                        cell.setAttribute('data-label', headings[column]);
                    }
                    column += cell.colSpan || 1;
                });
            });
        });
    });
})();
