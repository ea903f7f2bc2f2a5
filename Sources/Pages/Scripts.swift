/// The site's only scripts, served from /static (the Content-Security-Policy forbids inline scripts). Both are
/// progressive enhancement: every page reads and works without them.
public enum Scripts {
    /// Collapses the main menu behind a "Menu" button on small screens (the stylesheet decides when); marks the
    /// document `js` so the stylesheet knows the button works. On a map of the focus-area form, a click on a wijk
    /// ticks its box instead of following the link.
    public static let site = """
        (function () {
          "use strict";
          document.documentElement.classList.add("js");
          var button = document.querySelector("button.menu-toggle");
          var nav = document.getElementById("hoofdmenu");
          if (button && nav) {
            button.hidden = false;
            nav.classList.add("collapsed");
            button.addEventListener("click", function () {
              var open = button.getAttribute("aria-expanded") === "true";
              button.setAttribute("aria-expanded", open ? "false" : "true");
              nav.classList.toggle("collapsed", open);
            });
          }
          // Deleting, publishing, revoking: asked once more before the form goes.
          document.querySelectorAll("form[data-confirm]").forEach(function (form) {
            form.addEventListener("submit", function (event) {
              if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
            });
          });
          var map = document.querySelector("figure.map.choose");
          if (map) {
            map.addEventListener("click", function (event) {
              var link = event.target.closest("a[data-code]");
              if (!link) return;
              var box = document.getElementById("lid-" + link.getAttribute("data-code"));
              if (!box) return;
              event.preventDefault();
              box.checked = !box.checked;
              link.classList.toggle("chosen", box.checked);
            });
            // And the other way: a box ticked in the list outlines its wijk on the map.
            document.querySelectorAll('input[name="lid"]').forEach(function (box) {
              box.addEventListener("change", function () {
                var link = map.querySelector('a[data-code="' + box.value + '"]');
                if (link) link.classList.toggle("chosen", box.checked);
              });
            });
          }
        })();
        """
}
