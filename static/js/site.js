// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add("js");

// The header menu on narrow screens is a <details> disclosure (works without JavaScript). Here it also says
// whether it is open through aria-expanded, closes with Escape (focus back on the button) and closes when
// the reader clicks or tabs away from it.
document.querySelectorAll(".site-nav").forEach((nav) => {
    const toggle = nav.querySelector(".site-nav__toggle");
    const button = toggle && toggle.querySelector("summary");
    if (!button) return;
    const sync = () => button.setAttribute("aria-expanded", toggle.open ? "true" : "false");
    sync();
    toggle.addEventListener("toggle", sync);
    nav.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && toggle.open) {
            toggle.open = false;
            button.focus();
        }
    });
    nav.addEventListener("focusout", (event) => {
        if (toggle.open && event.relatedTarget && !nav.contains(event.relatedTarget)) toggle.open = false;
    });
    document.addEventListener("click", (event) => {
        if (toggle.open && !nav.contains(event.target)) toggle.open = false;
    });
});

// The club directory's filters fold into «Фильтры (N)» on a phone, so that the results come first; a wide
// screen has room for both side by side, so there they start open.
const wideScreen = window.matchMedia("(min-width: 900px)");
document.querySelectorAll(".club-filters-fold").forEach((fold) => {
    if (wideScreen.matches) fold.open = true;
});

// «Версия для слабовидящих»: the page is the same for everyone; /special-version.css marks the buttons of the
// current choice with --a11y-pressed, which screen readers learn here as aria-pressed.
document.querySelectorAll(".a11y-panel button[name]").forEach((button) => {
    const pressed = getComputedStyle(button).getPropertyValue("--a11y-pressed").trim() === "1";
    button.setAttribute("aria-pressed", pressed ? "true" : "false");
});

// With images off, each picture's description (its alt text) takes its place, so nothing is lost.
if (getComputedStyle(document.documentElement).getPropertyValue("--a11y-images").trim() === "off") {
    document.querySelectorAll("main img[alt]:not(.card__image img)").forEach((image) => {
        const description = image.getAttribute("alt").trim();
        if (!description) return;
        const note = document.createElement("span");
        note.className = "image-description";
        note.textContent = `Изображение: ${description}`;
        (image.closest("picture") || image).after(note);
    });
}
