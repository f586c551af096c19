// Progressive enhancement of application forms and pages: without this file everything is shown and works.

// A part of a form that concerns one answer (e.g. «Работодатели») is shown only while that answer is
// chosen: <fieldset data-shown-for="audience=employers">.
document.querySelectorAll("[data-shown-for]").forEach((section) => {
    const [name, value] = section.dataset.shownFor.split("=");
    const form = section.closest("form");
    if (!form) return;
    const sync = () => {
        const chosen = form.querySelector(`input[name="${name}"]:checked`);
        section.hidden = !(chosen && chosen.value === value);
    };
    form.querySelectorAll(`input[name="${name}"]`).forEach((input) => input.addEventListener("change", sync));
    sync();
});

// «Скопировать ссылку»: the button is in the page hidden and shown here, since it needs the clipboard.
document.querySelectorAll("[data-copy-target]").forEach((button) => {
    const target = document.getElementById(button.dataset.copyTarget);
    const status = document.getElementById(button.dataset.copyStatus);
    if (!target || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
        const text = target.getAttribute("href") || target.textContent.trim();
        try {
            await navigator.clipboard.writeText(text);
            if (status) status.textContent = "Ссылка скопирована. Сохраните её в заметках или отправьте себе.";
        } catch (error) {
            if (status) status.textContent = "Не получилось скопировать: выделите ссылку и скопируйте её вручную.";
        }
    });
});
