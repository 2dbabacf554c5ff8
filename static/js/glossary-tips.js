/*
 * Glossary tips: shows a linked term's definition next to the link on hover, keyboard focus or a first
 * tap (a second tap follows the link). The definition is already in the page and tied to the link with
 * aria-describedby, so screen readers announce it on focus with or without this file. Escape closes a
 * tip; the pointer can move onto a tip without it closing (WCAG 1.4.13).
 */
(function () {
    "use strict";

    var HIDE_DELAY_MS = 300;
    var open = null;
    var hideTimer = null;

    function tipFor(link) {
        return document.getElementById(link.getAttribute("aria-describedby"));
    }

    function hide() {
        window.clearTimeout(hideTimer);
        if (open) {
            tipFor(open).hidden = true;
            open.removeAttribute("data-tip-open");
            open = null;
        }
    }

    function show(link) {
        window.clearTimeout(hideTimer);
        if (open === link) {
            return;
        }
        hide();
        var tip = tipFor(link);
        if (!tip) {
            return;
        }
        tip.hidden = false;
        var box = link.getBoundingClientRect();
        var width = Math.min(tip.offsetWidth, document.documentElement.clientWidth - 16);
        var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
        tip.style.left = left + window.scrollX + "px";
        tip.style.top = box.bottom + window.scrollY + 4 + "px";
        link.setAttribute("data-tip-open", "");
        open = link;
    }

    function hideSoon() {
        window.clearTimeout(hideTimer);
        hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
    }

    document.querySelectorAll("a.glossary-link[aria-describedby]").forEach(function (link) {
        var tip = tipFor(link);
        if (!tip) {
            return;
        }
        document.body.appendChild(tip);
        var touched = false;
        link.addEventListener("mouseenter", function () { show(link); });
        link.addEventListener("mouseleave", hideSoon);
        link.addEventListener("focus", function () { show(link); });
        link.addEventListener("blur", hideSoon);
        link.addEventListener("pointerdown", function (event) { touched = event.pointerType === "touch"; });
        link.addEventListener("click", function (event) {
            if (touched && !link.hasAttribute("data-tip-open")) {
                event.preventDefault();
                show(link);
            }
        });
        tip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
        tip.addEventListener("mouseleave", hideSoon);
    });

    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            hide();
        }
    });
    document.addEventListener("pointerdown", function (event) {
        if (open && !event.target.closest(".glossary-link, .glossary-tip")) {
            hide();
        }
    });
})();
