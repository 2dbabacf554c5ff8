/*
 * Search suggestions: turns each search box into an ARIA 1.2 combobox with a listbox of terms and
 * articles from /search/suggest/. Progressive enhancement only: without this file the form submits
 * to the search page as usual. Keys: Down/Up move through suggestions, Enter opens the chosen one,
 * Escape closes the list (and clears the box when the list is already closed). The words it adds come
 * from the form's data-text-* attributes, in the page's language (English when they are missing).
 */
(function () {
    "use strict";

    var MIN_LETTERS = 2;
    var DELAY_MS = 150;

    function enhance(form) {
        var input = form.querySelector("input[name=q]");
        var url = form.getAttribute("data-suggest-url");
        if (!input || !url || !window.fetch) {
            return;
        }
        function text(name, fallback, value) {
            return (form.getAttribute("data-text-" + name) || fallback).replace("%s", value);
        }
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", text("suggestions", "Suggestions"));
        list.hidden = true;
        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        form.appendChild(list);
        form.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        var options = [];
        var active = -1;
        var timer = null;
        var request = null;

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function show(suggestions) {
            list.textContent = "";
            options = suggestions.map(function (suggestion, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.setAttribute("data-url", suggestion.url);
                var title = document.createElement("span");
                title.className = "search-suggestions__title";
                title.textContent = suggestion.see ? suggestion.title + " " + text("see", "(see %s)", suggestion.see) : suggestion.title;
                var kind = document.createElement("span");
                kind.className = "search-suggestions__type";
                kind.textContent = ", " + (suggestion.type === "term" ? text("term", "glossary term") : text("article", "article"));
                option.appendChild(title);
                option.appendChild(kind);
                option.addEventListener("click", function () {
                    window.location.href = suggestion.url;
                });
                list.appendChild(option);
                return option;
            });
            active = -1;
            if (options.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                status.textContent = options.length === 1
                    ? text("one", "%s suggestion. Use the up and down arrow keys to choose.", 1)
                    : text("many", "%s suggestions. Use the up and down arrow keys to choose.", options.length);
            } else {
                close();
                status.textContent = "";
            }
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query.length < MIN_LETTERS) {
                close();
                return;
            }
            if (request) {
                request.abort();
            }
            request = new AbortController();
            fetch(url + "?q=" + encodeURIComponent(query), { signal: request.signal, headers: { Accept: "application/json" } })
                .then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        show(data.suggestions);
                    }
                })
                .catch(function () {
                    /* Offline or aborted: the form still works without suggestions. */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            var open = !list.hidden && options.length > 0;
            if (event.key === "ArrowDown" && open) {
                event.preventDefault();
                highlight((active + 1) % options.length);
            } else if (event.key === "ArrowUp" && open) {
                event.preventDefault();
                highlight(active <= 0 ? options.length - 1 : active - 1);
            } else if (event.key === "Enter" && open && active >= 0) {
                event.preventDefault();
                window.location.href = options[active].getAttribute("data-url");
            } else if (event.key === "Escape") {
                if (open) {
                    event.preventDefault();
                    close();
                } else {
                    input.value = "";
                }
            }
        });

        input.addEventListener("blur", function () {
            /* Let a click on an option land before the list closes. */
            window.setTimeout(close, 200);
        });
    }

    document.querySelectorAll("form[data-suggest-url]").forEach(enhance);
})();
