/**
 * The copy buttons of entry pages' code blocks (components/CodeBlock.astro): reveals each hidden
 * <button data-copy> and, on click, writes its data-copy text (the snippet exactly as the corpus has it)
 * to the clipboard, then says "Copied" for two seconds in the block's aria-live status.
 * Without the Clipboard API (an insecure http: origin) the buttons stay hidden.
 */
export function startCopyButtons(): void {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    const status = button.parentElement?.querySelector<HTMLElement>("[data-copy-status]");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const say = (text: string): void => {
      if (!status) return;
      status.textContent = text;
      clearTimeout(timer);
      timer = setTimeout(() => (status.textContent = ""), 2000);
    };
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(button.dataset.copy ?? "").then(
        () => say("Copied"),
        () => say("Copy failed"),
      );
    });
    button.hidden = false;
  }
}
